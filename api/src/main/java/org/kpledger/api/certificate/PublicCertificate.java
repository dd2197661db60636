package org.kpledger.api.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What anyone may check about a KP certificate: whether it is valid today and the fields printed
 * for customs, without the exporter, the importer's name or the declared value.
 *
 * @param status the certificate's standing today (as in the full record): ISSUED, EXPIRED,
 *     EXPORTED, UNCONFIRMED, CONFIRMED, CONFIRMED_WITH_MISMATCHES, CONFIRMED_ON_CHANNEL or VOID
 * @param mismatchedFields the fields the import confirmation found different, empty unless the
 *     status is CONFIRMED_WITH_MISMATCHES (the values themselves are not public)
 * @param validity VALID, EXPIRED (after its expiry day) or VOID, today in Bangui
 * @param confirmedOnChannel the importing authority's confirmation on the Fabric channel, or null
 */
record PublicCertificate(
    String certificateNumber,
    String issuingAuthority,
    String countryOfOrigin,
    LocalDate issuedOn,
    LocalDate expiresOn,
    String hsCode,
    int parcelCount,
    BigDecimal carats,
    String importerCountry,
    String status,
    List<String> mismatchedFields,
    String validity,
    OnChannel confirmedOnChannel) {

  /**
   * The importing authority's confirmation on the Fabric channel, without the content hash (a
   * digest of the exporter, importer and value that the public form leaves out).
   *
   * @param status always {@code CONFIRMED_ON_CHANNEL}
   * @param txId the confirming transaction's id
   * @param blockNumber the block that holds it
   * @param confirmingMsp the MSP id of the importing authority that signed it
   */
  record OnChannel(String status, String txId, long blockNumber, String confirmingMsp) {

    static OnChannel of(CertificateRecord.ChannelConfirmation c) {
      return c == null
          ? null
          : new OnChannel(c.status(), c.txId(), c.blockNumber(), c.confirmingMsp());
    }
  }
}
