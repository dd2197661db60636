package org.kpledger.anchoring.checkpoint;

import java.util.Objects;

/**
 * A tree head together with the C2SP signed note (checkpoint) in which the ledger node signed it.
 * The note is the portable form: it is what sinks store, what is published, and what {@link
 * CheckpointVerifier} checks; the head is its parsed content.
 *
 * @param head the tree head the note states
 * @param note the checkpoint text, signature lines included, UTF-8 when written out
 */
public record SignedTreeHead(TreeHead head, String note) {

  /**
   * Checks that both parts are present.
   *
   * @param head the tree head
   * @param note the signed checkpoint
   */
  public SignedTreeHead {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(note, "note");
  }

  /**
   * Returns the number of leaves the head covers.
   *
   * @return the tree size
   */
  public long size() {
    return head.size();
  }
}
