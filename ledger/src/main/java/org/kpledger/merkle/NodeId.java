package org.kpledger.merkle;

/**
 * Identifies a complete perfect subtree of the log: the subtree at {@code level} and {@code index}
 * covers leaves {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 addresses single leaves.
 *
 * @param level the height of the subtree, 0 to 62
 * @param index the position of the subtree among those of its level, counted from 0
 */
public record NodeId(int level, long index) {

  /** The highest level a subtree of a log with at most {@link Long#MAX_VALUE} leaves can have. */
  public static final int MAX_LEVEL = 62;

  /**
   * Validates the coordinates.
   *
   * @param level the height of the subtree, 0 to 62
   * @param index the position of the subtree among those of its level, counted from 0
   * @throws IllegalArgumentException if {@code level} is outside 0..62 or {@code index} is negative
   */
  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + MAX_LEVEL);
    }
    if (index < 0) {
      throw new IllegalArgumentException("index " + index + " is negative");
    }
  }
}
