package org.kpledger.api.storage;

import java.time.Duration;

/**
 * Decides when the compaction passes of a quiet database rest, and when they take up again.
 *
 * <p>H2 counts a chunk that a rewrite has just emptied as dead space until its retention time has
 * passed and a later commit drops it, and {@link org.h2.mvstore.MVStore#compact} rewrites any chunk
 * that is not full. On a large file the passes' own rewrites can therefore keep the chunks' fill
 * rate under the target for good: measured on a year of CAR-scale data (a 500-550 MB file), an idle
 * node rewrote up to 48 MiB a second with its chunks 75-76 % live before every pass, the file never
 * shrinking, at 35 to 73 % of a core taken from the reads it served.
 *
 * <p>So the quiet passes have to earn their keep: a pass gains when it raises the chunks' fill rate
 * above the highest reached since the database turned quiet, or shrinks the file below the smallest
 * size since then by at least {@code shrinkBytes}. After {@code passesWithoutGain} quiet passes in
 * a row without a gain, spanning {@code timeWithoutGain} at least (a chunk a pass empties stays
 * counted for H2's retention time: passes run back to back cannot gain within it), the passes rest
 * until the database has written {@code wakeBytes} since: it then holds new work, and a new stretch
 * of passes begins. A pass under load (not quiet) is never judged: its work is bounded by the bytes
 * the database writes.
 */
final class QuietPasses {
  private final int passesWithoutGain;
  private final long nanosWithoutGain;
  private final long shrinkBytes;
  private final long wakeBytes;
  private int highestFillRate = -1;
  private long smallestFile = Long.MAX_VALUE;
  private int withoutGain;
  private long lastGainNanos;
  private long writtenAtRest = -1;

  /**
   * @param passesWithoutGain quiet passes in a row without a gain before the passes rest
   * @param timeWithoutGain how long those passes must span at least
   * @param shrinkBytes by how much a pass must shrink the file below its smallest size to gain
   * @param wakeBytes bytes the database writes while the passes rest before they take up again
   */
  QuietPasses(int passesWithoutGain, Duration timeWithoutGain, long shrinkBytes, long wakeBytes) {
    if (passesWithoutGain < 1 || timeWithoutGain.isNegative() || shrinkBytes < 0 || wakeBytes < 1) {
      throw new IllegalArgumentException(
          "passesWithoutGain and wakeBytes must be positive, timeWithoutGain and shrinkBytes not"
              + " negative");
    }
    this.passesWithoutGain = passesWithoutGain;
    this.nanosWithoutGain = timeWithoutGain.toNanos();
    this.shrinkBytes = shrinkBytes;
    this.wakeBytes = wakeBytes;
  }

  /**
   * Whether the next pass should rest, given the bytes the database has written so far ({@code
   * info.FILE_WRITE_BYTES}); once it has written {@code wakeBytes} since the passes began to rest,
   * they take up again, as a new stretch.
   */
  boolean resting(long writtenBytes) {
    if (writtenAtRest < 0) {
      return false;
    }
    if (writtenBytes - writtenAtRest < wakeBytes) {
      return true;
    }
    newStretch();
    return false;
  }

  /**
   * Records a pass that ran: whether the database was quiet before it, the chunks' fill rate (as
   * the pass found it: what the passes before it reached), and the file's size, the bytes written
   * so far and {@link System#nanoTime} after it.
   */
  void afterPass(boolean quiet, int fillRate, long fileBytes, long writtenBytes, long nanoTime) {
    if (!quiet) {
      newStretch();
      return;
    }
    boolean gained =
        fillRate > highestFillRate
            || (smallestFile != Long.MAX_VALUE && fileBytes <= smallestFile - shrinkBytes);
    highestFillRate = Math.max(highestFillRate, fillRate);
    smallestFile = Math.min(smallestFile, fileBytes);
    if (gained) {
      withoutGain = 0;
      lastGainNanos = nanoTime;
    } else {
      withoutGain++;
    }
    if (withoutGain >= passesWithoutGain && nanoTime - lastGainNanos >= nanosWithoutGain) {
      writtenAtRest = writtenBytes;
    }
  }

  private void newStretch() {
    highestFillRate = -1;
    smallestFile = Long.MAX_VALUE;
    withoutGain = 0;
    writtenAtRest = -1;
  }
}
