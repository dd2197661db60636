package org.kpledger.contracts.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A KP certificate as the registry stores it (golden file {@code
 * formats/certificate/certificate-confirmed.json}).
 *
 * @param number the certificate's number, unique on the channel
 * @param contentHash lower-case hex SHA-256 of the certificate's canonical content
 * @param exporterMsp the MSP id of the exporting authority that registered it
 * @param importerMsp the MSP id of the importing authority that may confirm receipt
 * @param status where it stands
 * @param registeredTxId the registering transaction's id
 * @param registeredAt that transaction's timestamp, ISO-8601 UTC
 * @param confirmedTxId the confirming transaction's id, absent until confirmed
 * @param confirmedAt that transaction's timestamp, absent until confirmed
 */
@JsonPropertyOrder({
  "number",
  "contentHash",
  "exporterMsp",
  "importerMsp",
  "status",
  "registeredTxId",
  "registeredAt",
  "confirmedTxId",
  "confirmedAt"
})
public record CertificateRecord(
    String number,
    String contentHash,
    String exporterMsp,
    String importerMsp,
    CertificateStatus status,
    String registeredTxId,
    String registeredAt,
    String confirmedTxId,
    String confirmedAt) {

  /**
   * This record with receipt confirmed.
   *
   * @param txId the confirming transaction's id
   * @param at its timestamp
   * @return the confirmed record
   */
  public CertificateRecord confirmed(String txId, String at) {
    return new CertificateRecord(
        number,
        contentHash,
        exporterMsp,
        importerMsp,
        CertificateStatus.CONFIRMED,
        registeredTxId,
        registeredAt,
        txId,
        at);
  }
}
