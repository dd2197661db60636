package org.kpledger.anchoring;

import java.util.Objects;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;

/**
 * A signed tree head as a sink kept it.
 *
 * @param head the signed tree head
 * @param receipt where and when the sink kept it
 */
public record AnchoredHead(SignedTreeHead head, AnchorReceipt receipt) {

  /**
   * Checks that both parts are present.
   *
   * @param head the signed tree head
   * @param receipt the sink's receipt
   */
  public AnchoredHead {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(receipt, "receipt");
  }
}
