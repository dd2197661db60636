package org.kpledger.licence;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A licence's status changed from {@code effectiveFrom} on. */
@Revision("1")
public record LicenceStatusChangedEvent(
    String licenceNumber, LicenceStatus status, LocalDate effectiveFrom, String reason) {}
