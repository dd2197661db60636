/**
 * An RFC 9162 (Certificate Transparency 2.0, same tree as RFC 6962) Merkle tree with SHA-256: the
 * verifiable log in which every ledger event is one leaf.
 *
 * <p>What the package guarantees:
 *
 * <ul>
 *   <li>Hashing follows RFC 9162 §2.1.1: leaf {@code SHA-256(0x00 || d)}, node {@code SHA-256(0x01
 *       || left || right)}, empty tree {@code SHA-256("")} ({@link
 *       org.kpledger.merkle.MerkleHash}).
 *   <li>{@link org.kpledger.merkle.MerkleLog} produces, for every size {@code n} it has reached,
 *       the root MTH (§2.1.1), inclusion proofs PATH (§2.1.3.1) and consistency proofs
 *       PROOF/SUBPROOF (§2.1.4.1) bit-identical to the RFC's recursive definitions, reading at most
 *       {@code 2 * ceil(log2 n)} stored nodes per root or proof.
 *   <li>{@link org.kpledger.merkle.ProofVerifier} implements the verification algorithms of
 *       §2.1.3.2 and §2.1.4.2, with exact proof-length and hash-length checks up front, and accepts
 *       nothing else: a consistency proof from size 0 is always rejected, and equal sizes need an
 *       empty proof and identical roots. Failures are {@link org.kpledger.merkle.ProofException}s
 *       that name the defect.
 *   <li>Storage is behind the small {@link org.kpledger.merkle.NodeStore} interface (hashes of
 *       complete subtrees plus the size, grown atomically with a compare-and-set on the size);
 *       {@link org.kpledger.merkle.InMemoryNodeStore} is the heap implementation.
 * </ul>
 *
 * <p>A proof binds hashes, not sizes: as with any RFC 9162 verifier, a proof may also verify
 * against the right root under a neighbouring claimed size, so the pair (size, root) must come from
 * a signed tree head. The log stores leaf hashes; turning a ledger event into its leaf bytes is the
 * caller's job. Public types are thread-safe; byte arrays are copied or freshly created at every
 * boundary.
 */
package org.kpledger.merkle;
