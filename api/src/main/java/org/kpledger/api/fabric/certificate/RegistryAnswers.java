package org.kpledger.api.fabric.certificate;

import java.util.Optional;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Reads the certificate registry's refusal code ({@code CertificateRefusal} in {@code contracts})
 * from a Gateway error: the chaincode's message starts with it, and the Gateway passes each
 * endorsing peer's message in the error details.
 */
public final class RegistryAnswers {

  private RegistryAnswers() {}

  /**
   * The refusal code the chaincode answered, if the error is a refusal.
   *
   * @param e the Gateway error
   * @param code the code looked for, e.g. {@code DUPLICATE_CERTIFICATE}
   * @return whether the chaincode refused with that code
   */
  public static boolean refusedWith(GatewayException e, String code) {
    return describe(e).contains(code + ":");
  }

  /**
   * The error's message and every peer's message, for a person.
   *
   * @param e the Gateway error
   * @return the text
   */
  public static String describe(GatewayException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (ErrorDetail d : e.getDetails()) {
      text.append("; ").append(d.getMspId()).append(": ").append(d.getMessage());
    }
    return text.toString();
  }

  /**
   * The first refusal code of the registry named in the error, if any.
   *
   * @param e the Gateway error
   * @param codes the codes to look for
   * @return the code found
   */
  public static Optional<String> refusal(GatewayException e, String... codes) {
    String text = describe(e);
    for (String c : codes) {
      if (text.contains(c + ":")) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
