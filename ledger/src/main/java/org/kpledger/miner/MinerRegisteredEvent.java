package org.kpledger.miner;

import org.axonframework.serialization.Revision;
import org.kpledger.site.GeoPoint;

/** An artisanal miner was registered at a site, in the site's zone. */
@Revision("1")
public record MinerRegisteredEvent(
    String minerId,
    String fullName,
    String identityDocument,
    String patenteNumber,
    String siteId,
    String zoneId,
    GeoPoint gps) {}
