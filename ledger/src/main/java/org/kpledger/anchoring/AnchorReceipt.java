package org.kpledger.anchoring;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof of where a sink kept a tree head.
 *
 * @param sink the sink's {@link AnchorSink#name()}
 * @param reference where to find the head in the sink: a file and byte offset, a transaction id
 * @param anchoredAt when the sink kept it
 */
public record AnchorReceipt(String sink, String reference, Instant anchoredAt) {

  /**
   * Checks that every part is present.
   *
   * @param sink the sink's name
   * @param reference where the head is
   * @param anchoredAt when it was kept
   */
  public AnchorReceipt {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(anchoredAt, "anchoredAt");
  }
}
