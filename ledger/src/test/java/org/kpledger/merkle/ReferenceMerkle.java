package org.kpledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 definitions transcribed literally, as an oracle for the fast code: MTH (§2.1.1),
 * PATH (§2.1.3.1) and PROOF/SUBPROOF (§2.1.4.1), recursive over the entries, with its own SHA-256
 * calls so that it shares no code with the package under test. Quadratic and slow on purpose.
 */
final class ReferenceMerkle {

  private ReferenceMerkle() {}

  /** MTH(D[n]): the Merkle Tree Hash of the entries. */
  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return sha256(new byte[] {0x00}, d.get(0));
    }
    int k = largestPowerOfTwoBelow(n);
    return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]): the audit path of entry m, 0 <= m < n. */
  static List<byte[]> path(int m, List<byte[]> d) {
    int n = d.size();
    if (n == 1) {
      return List.of();
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      return append(path(m, d.subList(0, k)), mth(d.subList(k, n)));
    }
    return append(path(m - k, d.subList(k, n)), mth(d.subList(0, k)));
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), 0 < m < n. */
  static List<byte[]> proof(int m, List<byte[]> d) {
    return subproof(m, d, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    if (m == n) {
      return b ? List.of() : List.of(mth(d));
    }
    int k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      return append(subproof(m, d.subList(0, k), b), mth(d.subList(k, n)));
    }
    return append(subproof(m - k, d.subList(k, n), false), mth(d.subList(0, k)));
  }

  /** The largest power of two smaller than n, for n > 1. */
  private static int largestPowerOfTwoBelow(int n) {
    int k = 1;
    while (k << 1 < n) {
      k <<= 1;
    }
    return k;
  }

  private static List<byte[]> append(List<byte[]> list, byte[] last) {
    List<byte[]> result = new ArrayList<>(list);
    result.add(last);
    return result;
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        md.update(part);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
