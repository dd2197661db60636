package org.kpledger.api.fabric.anchor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;

/**
 * A refusal by the chaincode itself, read from a Gateway error: the contracts throw a {@code
 * ChaincodeException} whose message starts with a reason code ({@code FORK: ...}), and the peers'
 * Gateway reports it as {@code chaincode response 500, FORK: ...} in the error's message or its
 * per-peer details. Any other error (the peer unreachable, a deadline, an ordering failure) carries
 * no such response and is not a refusal.
 *
 * @param code the reason code, for example {@code INCONSISTENT_PROOF}
 * @param message the chaincode's words after the code
 */
public record ChaincodeRefusal(String code, String message) {

  private static final Pattern RESPONSE =
      Pattern.compile("chaincode response \\d+, ([A-Z][A-Z0-9_]+): ([^\\n]*)");

  /**
   * Finds the chaincode's refusal in a Gateway error.
   *
   * @param e the error from an evaluation, endorsement or submission
   * @return the refusal, or empty if the chaincode did not answer with one
   */
  public static Optional<ChaincodeRefusal> of(GatewayException e) {
    List<String> texts = new ArrayList<>();
    texts.add(String.valueOf(e.getMessage()));
    e.getDetails().forEach(d -> texts.add(d.getMessage()));
    for (String text : texts) {
      Matcher m = RESPONSE.matcher(text);
      if (m.find()) {
        return Optional.of(new ChaincodeRefusal(m.group(1), m.group(2)));
      }
    }
    return Optional.empty();
  }

  /**
   * The refusal as the chaincode wrote it.
   *
   * @return {@code CODE: message}
   */
  @Override
  public String toString() {
    return code + ": " + message;
  }
}
