package org.kpledger.merkle;

import static org.kpledger.merkle.MerkleHash.hex;
import static org.kpledger.merkle.MerkleHash.nodeHash;
import static org.kpledger.merkle.ProofException.Reason.EMPTY_FIRST_TREE;
import static org.kpledger.merkle.ProofException.Reason.INDEX_BEYOND_SIZE;
import static org.kpledger.merkle.ProofException.Reason.NEGATIVE_ARGUMENT;
import static org.kpledger.merkle.ProofException.Reason.ROOT_MISMATCH;
import static org.kpledger.merkle.ProofException.Reason.SIZE1_GREATER_THAN_SIZE2;
import static org.kpledger.merkle.ProofException.Reason.WRONG_HASH_LENGTH;
import static org.kpledger.merkle.ProofException.Reason.WRONG_PROOF_SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stateless verification of Merkle inclusion proofs (RFC 9162 §2.1.3.2) and consistency proofs (RFC
 * 9162 §2.1.4.2). Every check either returns normally or throws a {@link ProofException} naming the
 * defect. Proof lists must not be {@code null}; an absent proof is an empty list.
 */
public final class ProofVerifier {

  private ProofVerifier() {}

  /**
   * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose
   * root is {@code root}.
   *
   * @param index the leaf's position, from 0
   * @param size the tree size
   * @param leafHash the 32-byte leaf hash, {@code SHA-256(0x00 || entry)}
   * @param proof the audit path, bottom up
   * @param root the tree's 32-byte root
   * @throws ProofException if the proof does not show the inclusion
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws ProofException {
    byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
    requireHashLength("root", root);
    if (!MerkleHash.equal(computed, root)) {
      throw new ProofException(
          ROOT_MISMATCH,
          "root mismatch: inclusion proof of leaf "
              + index
              + " yields "
              + hex(computed)
              + " for size "
              + size
              + ", expected "
              + hex(root));
    }
  }

  /**
   * Computes the root that an inclusion proof implies, without comparing it to anything; the result
   * is meaningful only once compared with a trusted root.
   *
   * @param index the leaf's position, from 0
   * @param size the tree size
   * @param leafHash the 32-byte leaf hash
   * @param proof the audit path, bottom up
   * @return the implied root
   * @throws ProofException if the arguments or the shape of the proof are invalid
   */
  public static byte[] rootFromInclusionProof(
      long index, long size, byte[] leafHash, List<byte[]> proof) throws ProofException {
    requireNonNegative("leaf index", index);
    requireNonNegative("tree size", size);
    if (index >= size) {
      throw new ProofException(
          INDEX_BEYOND_SIZE, "leaf index " + index + " is beyond tree size " + size);
    }
    requireHashLength("leaf hash", leafHash);
    requireProof(proof, TreeMath.inclusionProofSize(index, size));
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return r == leafHash ? leafHash.clone() : r;
  }

  /**
   * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree
   * of {@code size2} leaves with root {@code root2}. Requires {@code 0 < size1 <= size2}; when the
   * sizes are equal the proof must be empty and the roots are compared byte for byte.
   *
   * @param size1 the older tree size
   * @param size2 the newer tree size
   * @param root1 the older root
   * @param root2 the newer root
   * @param proof the consistency proof
   * @throws ProofException if the proof does not show consistency
   */
  public static void verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
      throws ProofException {
    requireNonNegative("size1", size1);
    requireNonNegative("size2", size2);
    if (size1 > size2) {
      throw new ProofException(SIZE1_GREATER_THAN_SIZE2, "size1 " + size1 + " > size2 " + size2);
    }
    if (size1 == 0) {
      throw new ProofException(
          EMPTY_FIRST_TREE,
          "size1 is 0: a consistency proof from the empty tree proves nothing (RFC 9162 needs 0 < size1)");
    }
    if (size1 == size2) {
      requireProof(proof, 0);
      if (!MerkleHash.equal(root1, root2)) {
        throw new ProofException(
            ROOT_MISMATCH,
            "root mismatch: size1 == size2 == "
                + size1
                + " but root1 "
                + hex(root1)
                + " != root2 "
                + hex(root2));
      }
      return;
    }
    requireHashLength("root1", root1);
    requireHashLength("root2", root2);
    requireProof(proof, TreeMath.consistencyProofSize(size1, size2));
    List<byte[]> path = proof;
    if (Long.bitCount(size1) == 1) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(root1);
      path.addAll(proof);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = fr;
    for (byte[] c : path.subList(1, path.size())) {
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    requireRoot("root1", size1, fr, root1);
    requireRoot("root2", size2, sr, root2);
  }

  private static void requireRoot(String name, long size, byte[] computed, byte[] expected)
      throws ProofException {
    if (!MerkleHash.equal(computed, expected)) {
      throw new ProofException(
          ROOT_MISMATCH,
          name
              + " mismatch: consistency proof yields "
              + hex(computed)
              + " for size "
              + size
              + ", expected "
              + hex(expected));
    }
  }

  private static void requireProof(List<byte[]> proof, int wanted) throws ProofException {
    Objects.requireNonNull(proof, "proof (use an empty list for no hashes)");
    if (proof.size() != wanted) {
      throw new ProofException(
          WRONG_PROOF_SIZE, "wrong proof size: got " + proof.size() + " hashes, want " + wanted);
    }
    for (int i = 0; i < proof.size(); i++) {
      requireHashLength("proof[" + i + "]", proof.get(i));
    }
  }

  private static void requireHashLength(String name, byte[] hash) throws ProofException {
    if (hash == null || hash.length != MerkleHash.SIZE) {
      String got = hash == null ? "null" : hash.length + " bytes";
      throw new ProofException(
          WRONG_HASH_LENGTH, name + " is " + got + ", want " + MerkleHash.SIZE + " bytes");
    }
  }

  private static void requireNonNegative(String name, long value) throws ProofException {
    if (value < 0) {
      throw new ProofException(NEGATIVE_ARGUMENT, name + " " + value + " is negative");
    }
  }
}
