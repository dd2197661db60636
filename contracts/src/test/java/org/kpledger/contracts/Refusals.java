package org.kpledger.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hyperledger.fabric.shim.ChaincodeException;

/** Assertions on the chaincode's refusals: a {@code ChaincodeException} carrying a reason code. */
public final class Refusals {

  private Refusals() {}

  /**
   * Asserts that a call is refused with a reason code, as payload and as the message's prefix.
   *
   * @param call the contract call
   * @param code the expected reason code
   */
  public static void assertRefused(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ChaincodeException.class)
        .hasMessageStartingWith(code + ": ")
        .satisfies(
            e ->
                assertThat(new String(((ChaincodeException) e).getPayload(), UTF_8))
                    .isEqualTo(code));
  }
}
