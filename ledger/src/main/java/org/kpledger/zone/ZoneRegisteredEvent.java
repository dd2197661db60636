package org.kpledger.zone;

import org.axonframework.serialization.Revision;

/** A sub-prefecture was registered as a zone of origin. */
@Revision("1")
public record ZoneRegisteredEvent(String zoneId, String name, String prefecture) {}
