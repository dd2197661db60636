/**
 * What a leaf of the ledger's Merkle log is, and which event each leaf is.
 *
 * <p>What the package guarantees:
 *
 * <ul>
 *   <li>Leaf bytes are the RFC 8785 canonical JSON of a fixed, versioned object built from the
 *       stored event ({@link org.kpledger.anchoring.leaf.LeafEncoder}, format {@code
 *       kp-ledger/leaf/v1}); leaf hash {@code SHA-256(0x00 || bytes)} (RFC 9162 §2.1.1). An auditor
 *       holding the stored event recomputes them; a number RFC 8785 would change (beyond an IEEE
 *       754 double) is refused rather than silently altered. The bytes of a log written by earlier
 *       code are pinned by {@code StoredLogReencodingTest}.
 *   <li>Table {@code merkle_leaf} ({@link org.kpledger.anchoring.leaf.JdbcLeafIndex}) maps event
 *       ids to leaf indexes, unique both ways, written only inside the caller's transaction.
 * </ul>
 *
 * <p>The package depends on neither the publisher nor any sink nor Spring: it is the format an
 * auditor re-derives, not the machinery that writes it.
 */
package org.kpledger.anchoring.leaf;
