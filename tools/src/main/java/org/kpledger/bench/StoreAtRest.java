package org.kpledger.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The database once the load has stopped and the node has done what it does in the quiet: on the
 * embedded H2 the node's compaction ({@code api.storage.H2Compaction}) keeps rewriting the sparse
 * chunks and moving chunks from the end of the file into its free space, which it cannot finish
 * while commits stream in. The benchmark describes the file under load (at the event marks and
 * right after its last phase) and then, here, once the file's size and live data have stayed the
 * same for a while: the file an operator finds after a burst. It polls them (a condition, not a
 * fixed pause), and gives up after a ceiling, saying so.
 */
final class StoreAtRest {
  /** What the wait found: the last state, how long it took, whether it stopped changing. */
  record Rest(String state, Duration waited, boolean settled) {
    /** The line the benchmark prints, with the store's {@code description} then. */
    String line(String description) {
      return settled
          ? String.format(
              "at rest, %.0f s after the last phase (unchanged for the last polls): %s",
              waited.toMillis() / 1000.0, description)
          : String.format(
              "not at rest %.0f s after the last phase (still changing; the ceiling): %s",
              waited.toMillis() / 1000.0, description);
    }
  }

  private StoreAtRest() {}

  /**
   * Reads the store's state every {@code poll} until {@code stablePolls} states in a row equal the
   * one before them, or {@code ceiling} has passed.
   *
   * @param state the store's state now, coarse enough that an idle node's own small writes (a
   *     processor's token) do not change it ({@link StoreCounters#restState()})
   * @param poll time between two readings
   * @param stablePolls how many equal states in a row count as settled, at least 1
   * @param ceiling the longest wait
   */
  static Rest await(Supplier<String> state, Duration poll, int stablePolls, Duration ceiling)
      throws InterruptedException {
    if (stablePolls < 1 || poll.isNegative() || ceiling.isNegative()) {
      throw new IllegalArgumentException(
          "stablePolls must be at least 1, poll and ceiling not negative");
    }
    long start = System.nanoTime();
    long deadline = start + ceiling.toNanos();
    String last = state.get();
    int unchanged = 0;
    while (unchanged < stablePolls && System.nanoTime() - deadline < 0) {
      Thread.sleep(poll.toMillis());
      String now = state.get();
      unchanged = now.equals(last) ? unchanged + 1 : 0;
      last = now;
    }
    return new Rest(last, Duration.ofNanos(System.nanoTime() - start), unchanged >= stablePolls);
  }
}
