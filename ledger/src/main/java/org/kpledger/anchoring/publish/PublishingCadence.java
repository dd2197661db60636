package org.kpledger.anchoring.publish;

import java.time.Duration;
import java.util.Objects;
import org.kpledger.anchoring.checkpoint.TreeHead;

/**
 * What the {@link TreeHeadPublisher} signs and how often: a head once {@code everyLeaves} leaves
 * are not covered by one, and at least every {@code everyInterval} while the log grows.
 *
 * @param origin the log's origin, the first line of its checkpoints and its key name, a schema-less
 *     URL such as {@code kp.example.org/ledger}
 * @param everyLeaves N, at least 1
 * @param everyInterval T, at least 1 ms
 */
public record PublishingCadence(String origin, long everyLeaves, Duration everyInterval) {

  /**
   * Validates.
   *
   * @param origin the log's origin
   * @param everyLeaves N
   * @param everyInterval T
   * @throws IllegalArgumentException if a value is out of range
   */
  public PublishingCadence {
    TreeHead.requireValidName(origin);
    if (everyLeaves < 1) {
      throw new IllegalArgumentException("everyLeaves must be at least 1, got " + everyLeaves);
    }
    Objects.requireNonNull(everyInterval, "everyInterval");
    if (everyInterval.toMillis() < 1) {
      throw new IllegalArgumentException("everyInterval must be at least 1 ms: " + everyInterval);
    }
  }
}
