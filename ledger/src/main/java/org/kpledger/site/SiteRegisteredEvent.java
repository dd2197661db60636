package org.kpledger.site;

import org.axonframework.serialization.Revision;

/** A mining site was registered. */
@Revision("1")
public record SiteRegisteredEvent(String siteId, String name, String zoneId, GeoPoint gps) {}
