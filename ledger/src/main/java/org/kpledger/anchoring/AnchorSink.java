package org.kpledger.anchoring;

import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;

/**
 * A place that keeps signed tree heads so that the log cannot later be rewritten unnoticed: the
 * local database and file ({@code anchoring.local}), a Fabric channel ({@code anchoring.fabric}).
 *
 * <p>Every sink keeps the same rules, checked by {@code AnchorSinkContractTest}: the first head
 * comes with an empty proof; each later head must be larger and come with an RFC 9162 consistency
 * proof from the sink's last anchored head, which the sink verifies before keeping it; anchoring
 * the last head again is harmless and returns its receipt; a different root at the same size is a
 * fork and is refused. A head that is refused stays refused; one that could not be anchored for the
 * moment may be tried again.
 */
public interface AnchorSink {

  /**
   * Returns the sink's name, stable across restarts, used in receipts and status.
   *
   * @return a short name such as {@code local} or {@code fabric}
   */
  String name();

  /**
   * Returns the last head this sink kept, with its receipt.
   *
   * @return the last anchored head, or empty if none yet
   * @throws AnchorUnavailableException if the sink cannot be reached now
   */
  Optional<AnchoredHead> lastAnchored();

  /**
   * Keeps a signed tree head.
   *
   * @param head the head to anchor
   * @param consistencyProofFromLastAnchored the RFC 9162 consistency proof from {@link
   *     #lastAnchored()}'s size to the head's size; empty for the first head or the same head
   * @return where and when the head was kept
   * @throws AnchorRejectedException if the sink refuses the head for good (inconsistent, older, a
   *     fork)
   * @throws AnchorUnavailableException if the sink cannot take it now; try again later
   */
  AnchorReceipt anchor(SignedTreeHead head, List<byte[]> consistencyProofFromLastAnchored)
      throws AnchorRejectedException;
}
