package org.kpledger.anchoring.leaf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import org.kpledger.merkle.MerkleHash;

/**
 * Which event is which leaf: one row of {@code merkle_leaf}. Immutable; the hash is copied in and
 * out.
 *
 * @param leafIndex the leaf's position in the Merkle log, from 0
 * @param eventId the Axon event identifier
 * @param leafHash the RFC 9162 leaf hash {@code SHA-256(0x00 || leaf bytes)}
 * @param anchoredAt when the anchoring processor made the event a leaf (the ledger's clock,
 *     milliseconds)
 */
public record LeafRecord(long leafIndex, String eventId, byte[] leafHash, Instant anchoredAt) {

  /**
   * Validates and copies.
   *
   * @param leafIndex the leaf's position
   * @param eventId the event identifier
   * @param leafHash the 32-byte leaf hash
   * @param anchoredAt when it became a leaf
   */
  public LeafRecord {
    if (leafIndex < 0) {
      throw new IllegalArgumentException("leaf index " + leafIndex + " is negative");
    }
    Objects.requireNonNull(eventId, "eventId");
    if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("leaf hash must be " + MerkleHash.SIZE + " bytes");
    }
    leafHash = leafHash.clone();
    anchoredAt = anchoredAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Returns the leaf hash.
   *
   * @return a copy of the 32-byte hash
   */
  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /**
   * Compares all parts, the hash by content.
   *
   * @param other another object
   * @return whether it is an equal record
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof LeafRecord that
        && leafIndex == that.leafIndex
        && eventId.equals(that.eventId)
        && Arrays.equals(leafHash, that.leafHash)
        && anchoredAt.equals(that.anchoredAt);
  }

  /**
   * Hashes all parts.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(leafIndex, eventId, Arrays.hashCode(leafHash), anchoredAt);
  }

  /**
   * Describes the record with its hash in hex.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return "LeafRecord["
        + leafIndex
        + " event "
        + eventId
        + " hash "
        + MerkleHash.hex(leafHash)
        + " at "
        + anchoredAt
        + "]";
  }
}
