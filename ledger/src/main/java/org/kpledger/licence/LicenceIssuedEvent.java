package org.kpledger.licence;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A licence was issued. */
@Revision("1")
public record LicenceIssuedEvent(
    String licenceNumber,
    LicenceKind kind,
    String holderId,
    LocalDate validFrom,
    LocalDate validUntil) {}
