package org.kpledger.api.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A KP certificate in full (Annex I fields as endorsed), with its import confirmation.
 *
 * @param status the certificate's standing today, one of {@link
 *     org.kpledger.certificate.CertificateStatus}: ISSUED, EXPIRED (never used for an export and
 *     past its expiry day), EXPORTED, UNCONFIRMED (exported at least {@code
 *     kp.confirmation-delay-days} ago without confirmation), CONFIRMED, CONFIRMED_WITH_MISMATCHES,
 *     CONFIRMED_ON_CHANNEL (confirmed only on the Fabric channel) or VOID
 * @param mismatchedFields the fields the import confirmation found different ({@code carats},
 *     {@code parcelCount}, {@code importer}, {@code exporter}); empty unless the status is
 *     CONFIRMED_WITH_MISMATCHES
 * @param validity VALID, EXPIRED (after its expiry day) or VOID, today in Bangui
 * @param confirmation the importing authority's confirmation, or null
 * @param confirmedOnChannel the importing authority's confirmation on the Fabric channel, or null
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
    List<String> mismatchedFields,
    String validity,
    LocalDate exportedOn,
    String voidReason,
    int endorsements,
    Confirmation confirmation,
    ChannelConfirmation confirmedOnChannel) {

  /** An import confirmation; {@code mismatches} is empty when it matched the certificate. */
  record Confirmation(
      String importingAuthority,
      LocalDate receivedOn,
      BigDecimal carats,
      int parcelCount,
      String importerName,
      String exporter,
      List<String> mismatches) {}

  /**
   * The importing authority's confirmation on the Fabric channel: its transaction is the evidence.
   *
   * @param status always {@code CONFIRMED_ON_CHANNEL}
   * @param channel the channel
   * @param txId the confirming transaction's id
   * @param blockNumber the block that holds it
   * @param confirmingMsp the MSP id of the importing authority that signed it
   * @param contentHash the content hash it confirmed
   */
  record ChannelConfirmation(
      String status,
      String channel,
      String txId,
      long blockNumber,
      String confirmingMsp,
      String contentHash) {}
}
