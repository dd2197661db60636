package org.kpledger.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The importing authority's confirmation of receipt; {@code mismatches} lists every field that
 * differs from the certificate (empty when it matches) and a non-empty list is a flag.
 */
@Revision("1")
public record ImportConfirmedEvent(
    String certificateNumber,
    String importingAuthority,
    LocalDate receivedOn,
    BigDecimal carats,
    int parcelCount,
    String importerName,
    String exporter,
    List<String> mismatches) {}
