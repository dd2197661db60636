package org.kpledger.api.fabric.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.certificate.CertificateContent;

/**
 * The importing authority's side: confirms receipt of a certificate on the channel with its own
 * Fabric identity, by the hash of the content it received ({@link CertificateContent}), computed
 * here from that content and never taken from the exporter.
 */
public final class ImporterConfirmation {

  /**
   * A committed confirmation.
   *
   * @param txId the transaction's id
   * @param blockNumber the block that holds it
   * @param record the registry's record, JSON
   */
  public record Confirmed(String txId, long blockNumber, String record) {}

  /** The registry refused the confirmation; {@link #code()} names the rule. */
  public static final class RefusedException extends Exception {
    private final String code;

    RefusedException(String code, String message, Throwable cause) {
      super(message, cause);
      this.code = code;
    }

    /**
     * The registry's refusal code, or {@code NOT_COMMITTED} for a transaction the channel
     * invalidated.
     *
     * @return the code
     */
    public String code() {
      return code;
    }
  }

  private static final String[] CODES = {
    "MALFORMED",
    "UNKNOWN_CERTIFICATE",
    "NOT_IMPORTING_AUTHORITY",
    "NOT_DESTINATION_COUNTRY",
    "CONTENT_HASH_MISMATCH",
    "ALREADY_CONFIRMED"
  };

  private ImporterConfirmation() {}

  /**
   * Confirms receipt.
   *
   * @param fabric the importing authority's connection
   * @param number the certificate number
   * @param contentJson the certificate content as received, any JSON form
   * @return the committed transaction
   * @throws IllegalArgumentException if the content is not certificate content of that number
   * @throws RefusedException if the registry refused it, or the channel did not commit it
   * @throws GatewayException if the network could not be reached
   */
  public static Confirmed confirm(FabricConnection fabric, String number, String contentJson)
      throws RefusedException, GatewayException {
    CertificateContent content = CertificateContent.parse(contentJson);
    if (!content.certificateNumber().equals(number)) {
      throw new IllegalArgumentException(
          "the content is of certificate '" + content.certificateNumber() + "', not " + number);
    }
    Contract registry = fabric.contract(CertificateChannelConfiguration.CONTRACT);
    try {
      SubmittedTransaction tx =
          registry
              .newProposal("ConfirmCertificate")
              .addArguments(number, content.sha256Hex())
              .build()
              .endorse()
              .submitAsync();
      Status status = tx.getStatus();
      if (!status.isSuccessful()) {
        throw new RefusedException(
            "NOT_COMMITTED",
            "transaction " + tx.getTransactionId() + " invalid: " + status.getCode(),
            null);
      }
      return new Confirmed(
          tx.getTransactionId(), status.getBlockNumber(), new String(tx.getResult(), UTF_8));
    } catch (GatewayException e) {
      String code = RegistryAnswers.refusal(e, CODES).orElse(null);
      if (code == null) {
        throw e;
      }
      throw new RefusedException(code, RegistryAnswers.describe(e), e);
    }
  }
}
