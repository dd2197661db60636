package org.kpledger.api.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A KP certificate in full (Annex I fields as endorsed), with its import confirmation.
 *
 * @param status ISSUED, EXPORTED, CONFIRMED or VOID
 * @param confirmation the importing authority's confirmation, or null
 */
public record CertificateRecord(
    String certificateNumber,
    String shipmentId,
    String issuingAuthority,
    LocalDate issuedOn,
    LocalDate expiresOn,
    String exporter,
    String importerName,
    String importerCountry,
    BigDecimal carats,
    BigDecimal valueUsd,
    int parcelCount,
    String hsCode,
    String countryOfOrigin,
    String status,
    LocalDate exportedOn,
    String voidReason,
    int endorsements,
    Confirmation confirmation) {

  /** An import confirmation; {@code mismatches} is empty when it matched the certificate. */
  public record Confirmation(
      String importingAuthority,
      LocalDate receivedOn,
      BigDecimal carats,
      int parcelCount,
      String importerName,
      String exporter,
      List<String> mismatches) {}
}
