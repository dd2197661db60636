package org.kpledger.contracts.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A KP certificate as the registry stores it, and the payload of its events.
 *
 * @param number the certificate's number, unique on the channel
 * @param contentHash lower-case hex SHA-256 of the certificate's canonical content
 * @param exporterMsp the MSP id of the exporting authority that registered it
 * @param destinationCountry ISO 3166-1 alpha-2 code of the importing country: only an importing
 *     authority whose organisation CA names this country may confirm receipt
 * @param status where it stands
 * @param registeredTxId the registering transaction's id
 * @param registeredAt that transaction's timestamp, ISO-8601 UTC
 * @param confirmedByMsp the MSP id of the importing authority that confirmed, absent until then
 * @param confirmedTxId the confirming transaction's id, absent until confirmed
 * @param confirmedAt that transaction's timestamp, absent until confirmed
 */
@JsonPropertyOrder({
  "number",
  "contentHash",
  "exporterMsp",
  "destinationCountry",
  "status",
  "registeredTxId",
  "registeredAt",
  "confirmedByMsp",
  "confirmedTxId",
  "confirmedAt"
})
public record CertificateRecord(
    String number,
    String contentHash,
    String exporterMsp,
    String destinationCountry,
    CertificateStatus status,
    String registeredTxId,
    String registeredAt,
    String confirmedByMsp,
    String confirmedTxId,
    String confirmedAt) {

  /**
   * This record with receipt confirmed.
   *
   * @param mspId the confirming importing authority's MSP id
   * @param txId the confirming transaction's id
   * @param at its timestamp
   * @return the confirmed record
   */
  public CertificateRecord confirmed(String mspId, String txId, String at) {
    return new CertificateRecord(
        number,
        contentHash,
        exporterMsp,
        destinationCountry,
        CertificateStatus.CONFIRMED,
        registeredTxId,
        registeredAt,
        mspId,
        txId,
        at);
  }
}
