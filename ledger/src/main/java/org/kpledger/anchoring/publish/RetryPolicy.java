package org.kpledger.anchoring.publish;

import java.time.Duration;
import java.util.Objects;
import org.kpledger.anchoring.AnchorRejectedException;
import org.kpledger.anchoring.AnchorUnavailableException;

/**
 * When the publisher offers heads again to a sink that failed. A sink that is <em>unavailable</em>
 * ({@link AnchorUnavailableException}) is tried again after {@code firstDelay}, then twice as long
 * after each further failure, never longer than {@code maxDelay}; its heads wait meanwhile and the
 * next anchor catches all of them up. A sink that <em>rejected</em> a head ({@link
 * AnchorRejectedException}) is never offered that head again, and a newer head no sooner than
 * {@code afterRejection}: a refusal means the log and the sink disagree, which retrying cannot mend
 * and someone must look at.
 *
 * @param firstDelay the wait after a first failure, positive
 * @param maxDelay the longest wait after repeated unavailability, at least {@code firstDelay}
 * @param afterRejection the wait before a newer head is offered after a rejection, positive
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, Duration afterRejection) {

  /** One second doubling to thirty; five minutes after a rejection. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

  /**
   * Checks the delays.
   *
   * @param firstDelay the wait after a first failure
   * @param maxDelay the longest wait
   * @param afterRejection the wait after a rejection
   */
  public RetryPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(afterRejection, "afterRejection");
    if (firstDelay.isNegative()
        || firstDelay.isZero()
        || maxDelay.compareTo(firstDelay) < 0
        || afterRejection.isNegative()
        || afterRejection.isZero()) {
      throw new IllegalArgumentException(
          "retry delays must be positive and maxDelay at least firstDelay");
    }
  }

  /**
   * Returns the wait after consecutive failures of an unavailable sink.
   *
   * @param failures how many attempts in a row failed, at least 1
   * @return {@code firstDelay * 2^(failures-1)}, at most {@code maxDelay}
   */
  public Duration delayAfter(int failures) {
    Duration delay = firstDelay;
    for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
  }
}
