package org.kpledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The RFC 9162 §2.1.1 hash functions over SHA-256: leaf hash {@code SHA-256(0x00 || data)},
 * interior node hash {@code SHA-256(0x01 || left || right)} and the empty-tree root {@code
 * SHA-256("")}.
 *
 * <p>Every method returns a fresh array that the caller may keep or modify. Thread-safe.
 */
public final class MerkleHash {

  /** Length in bytes of every hash produced or accepted by this package. */
  public static final int SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(MerkleHash::newDigest);

  private MerkleHash() {}

  /**
   * Returns the root of the empty tree, {@code SHA-256("")}.
   *
   * @return a new 32-byte array
   */
  public static byte[] emptyRoot() {
    return digest().digest();
  }

  /**
   * Returns the leaf hash {@code SHA-256(0x00 || data)} of one log entry.
   *
   * @param data the entry's bytes, possibly empty
   * @return a new 32-byte array
   */
  public static byte[] leafHash(byte[] data) {
    MessageDigest md = digest();
    md.update(LEAF_PREFIX);
    md.update(data);
    return md.digest();
  }

  /**
   * Returns the interior node hash {@code SHA-256(0x01 || left || right)}.
   *
   * @param left the hash of the left subtree
   * @param right the hash of the right subtree
   * @return a new 32-byte array
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = digest();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /**
   * Compares two hashes in time independent of where they differ.
   *
   * @param a one hash, may be {@code null}
   * @param b another hash, may be {@code null}
   * @return whether both are non-null and hold the same bytes
   */
  public static boolean equal(byte[] a, byte[] b) {
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }

  /**
   * Formats a hash as lower-case hex for messages and logs.
   *
   * @param hash the bytes, may be {@code null}
   * @return the hex string, or {@code "null"}
   */
  public static String hex(byte[] hash) {
    return hash == null ? "null" : HexFormat.of().formatHex(hash);
  }

  private static MessageDigest digest() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
