package org.kpledger.api.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A KP certificate in full (Annex I fields as endorsed), with its import confirmation.
 *
 * @param status ISSUED, EXPORTED, CONFIRMED or VOID
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
    LocalDate exportedOn,
    String voidReason,
    int endorsements,
    Confirmation confirmation,
    ChannelConfirmation confirmedOnChannel) {

  /** An import confirmation; {@code mismatches} is empty when it matched the certificate. */
  public record Confirmation(
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
  public record ChannelConfirmation(
      String status,
      String channel,
      String txId,
      long blockNumber,
      String confirmingMsp,
      String contentHash) {}
}
