/**
 * Integrity path: every committed ledger event becomes exactly one leaf of the RFC 9162 Merkle log,
 * and the ledger node signs tree heads that sinks keep so the history cannot be rewritten unseen.
 * The path is split by responsibility, each part in its own package, with no cycle between them
 * (checked by {@code org.kpledger.PackageBoundariesTest}):
 *
 * <ul>
 *   <li>{@code anchoring.leaf}: what a leaf is. The bytes of an event's leaf ({@link
 *       org.kpledger.anchoring.leaf.LeafEncoder}, format {@code kp-ledger/leaf/v1}) and the table
 *       that says which event is which leaf ({@link org.kpledger.anchoring.leaf.JdbcLeafIndex}).
 *   <li>{@code anchoring.checkpoint}: what a tree head is and how it is signed and verified: C2SP
 *       checkpoints in C2SP signed notes ({@link org.kpledger.anchoring.checkpoint.Checkpoint},
 *       {@link org.kpledger.anchoring.checkpoint.CheckpointVerifier}).
 *   <li>This package: where signed heads are kept, the {@link org.kpledger.anchoring.AnchorSink}
 *       contract, with one sub-package per technology: {@code anchoring.local} (the database and a
 *       checkpoint file) and {@code anchoring.fabric} (what a Fabric anchor leaves behind).
 *   <li>{@code anchoring.publish}: the moving parts that use all of the above: the anchoring
 *       processor that makes events leaves and the publisher that signs heads and brings every sink
 *       up to them.
 * </ul>
 *
 * <p>The leaf and checkpoint formats are what an auditor re-derives offline; they depend on neither
 * the publisher, nor any sink, nor Spring, so the audit verifier needs nothing that moves.
 *
 * <p>What this package guarantees: every sink keeps the rules {@link
 * org.kpledger.anchoring.AnchorSink} states (checked for each implementation by {@code
 * AnchorSinkContractTest}): it verifies the RFC 9162 consistency proof from its last head before
 * keeping a new one, refuses older heads and forks, and says whether a failure may be retried
 * ({@link org.kpledger.anchoring.AnchorUnavailableException}) or is final ({@link
 * org.kpledger.anchoring.AnchorRejectedException}).
 */
package org.kpledger.anchoring;
