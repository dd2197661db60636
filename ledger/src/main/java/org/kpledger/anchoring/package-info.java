/**
 * Integrity path: every committed ledger event becomes exactly one leaf of the RFC 9162 Merkle log,
 * and the ledger node signs tree heads that sinks keep so the history cannot be rewritten unseen.
 *
 * <p>What the package guarantees:
 *
 * <ul>
 *   <li>{@link org.kpledger.anchoring.AnchoringProcessor} (an Axon event handler in processing
 *       group {@code anchoring}) gives each event exactly one leaf, in processing order, in the
 *       same transaction as the processor's token; its Javadoc gives the argument and its limits.
 *       Table {@code merkle_leaf} ({@link org.kpledger.anchoring.JdbcLeafIndex}) maps event ids to
 *       leaf indexes, unique both ways.
 *   <li>Leaf bytes are the RFC 8785 canonical JSON of a fixed, versioned object built from the
 *       stored event ({@link org.kpledger.anchoring.LeafEncoder}, format {@code
 *       kp-ledger/leaf/v1}); leaf hash {@code SHA-256(0x00 || bytes)}. An auditor holding the
 *       stored event recomputes them.
 *   <li>Tree heads are C2SP checkpoints (c2sp.org/tlog-checkpoint) in C2SP signed notes
 *       (c2sp.org/signed-note) of signature type {@code 0x05}, the RFC 6962 tree head signature of
 *       c2sp.org/static-ct-api, ECDSA P-256 with low S ({@link org.kpledger.anchoring.Checkpoint},
 *       {@link org.kpledger.anchoring.CheckpointVerifier}).
 *   <li>{@link org.kpledger.anchoring.TreeHeadPublisher} signs a head every N leaves or T
 *       milliseconds if the log grew, never one inconsistent with the previous, and brings every
 *       {@link org.kpledger.anchoring.AnchorSink} up to it with one RFC 9162 consistency proof;
 *       sinks verify that proof before keeping the head. {@link
 *       org.kpledger.anchoring.AnchoringStatus} shows each sink's last head and the heads waiting.
 *   <li>A sink that cannot be reached is retried with exponential back-off and catches up in one
 *       anchor; a head a sink refused is never offered to it again ({@link
 *       org.kpledger.anchoring.RetryPolicy}), and the sink's health says which.
 * </ul>
 */
package org.kpledger.anchoring;
