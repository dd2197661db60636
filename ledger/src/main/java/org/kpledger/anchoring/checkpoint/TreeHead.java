package org.kpledger.anchoring.checkpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import org.kpledger.merkle.MerkleHash;

/**
 * A tree head of the ledger's Merkle log: which log, how many leaves, their RFC 9162 root, and when
 * the ledger node stated it. Immutable; the root is copied in and out.
 *
 * @param origin the log's identity, the first line of its checkpoints and the name of its key: a
 *     schema-less URL such as {@code kp.example.org/ledger}, without spaces, plus signs or control
 *     characters (C2SP tlog-checkpoint, signed-note)
 * @param size the number of leaves, at least 0
 * @param rootHash the 32-byte RFC 9162 root of the first {@code size} leaves
 * @param timestamp when the head was stated, at millisecond precision (finer digits are dropped, as
 *     an RFC 6962 tree head signature holds milliseconds)
 */
public record TreeHead(String origin, long size, byte[] rootHash, Instant timestamp) {

  /**
   * Validates and copies.
   *
   * @param origin the log's identity
   * @param size the number of leaves
   * @param rootHash the root
   * @param timestamp when the head was stated
   * @throws IllegalArgumentException if a value is out of range
   */
  public TreeHead {
    requireValidName(origin);
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size + " is negative");
    }
    if (rootHash == null || rootHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("root hash must be " + MerkleHash.SIZE + " bytes");
    }
    rootHash = rootHash.clone();
    Objects.requireNonNull(timestamp, "timestamp");
    if (timestamp.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException("timestamp " + timestamp + " is before 1970");
    }
    timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Returns the root hash.
   *
   * @return a copy of the 32-byte root
   */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /**
   * Compares all four parts, the root by content.
   *
   * @param other another object
   * @return whether it is an equal tree head
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof TreeHead that
        && origin.equals(that.origin)
        && size == that.size
        && Arrays.equals(rootHash, that.rootHash)
        && timestamp.equals(that.timestamp);
  }

  /**
   * Hashes all four parts.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), timestamp);
  }

  /**
   * Describes the head with its root in hex.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return "TreeHead["
        + origin
        + " size "
        + size
        + " root "
        + MerkleHash.hex(rootHash)
        + " at "
        + timestamp
        + "]";
  }

  /**
   * Checks a log origin or key name: non-empty, no Unicode spaces, no {@code +}, no control
   * characters (C2SP signed-note key names; tlog-checkpoint origin lines).
   *
   * @param name the name
   * @throws IllegalArgumentException if it is not acceptable
   */
  public static void requireValidName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("origin must not be empty");
    }
    if (name.codePoints()
        .anyMatch(
            c -> c < 0x20 || c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      throw new IllegalArgumentException(
          "origin '" + name + "' must not hold spaces, '+' or control characters");
    }
  }
}
