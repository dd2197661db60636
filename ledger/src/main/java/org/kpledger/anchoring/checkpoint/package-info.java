/**
 * What a tree head of the ledger's Merkle log is, and how the ledger node signs it and anyone
 * verifies it.
 *
 * <p>What the package guarantees: tree heads are C2SP checkpoints (c2sp.org/tlog-checkpoint) in
 * C2SP signed notes (c2sp.org/signed-note) of signature type {@code 0x05}, the RFC 6962 §3.5 tree
 * head signature of c2sp.org/static-ct-api, ECDSA P-256 with SHA-256 and low S ({@link
 * org.kpledger.anchoring.checkpoint.Checkpoint}). {@link
 * org.kpledger.anchoring.checkpoint.CheckpointVerifier} accepts a note only if a line from the one
 * trusted key verifies, none from it fails, and the origin line equals the key name; it refuses
 * with a {@link org.kpledger.anchoring.checkpoint.CheckpointException} naming the reason. The
 * signing key stays behind {@link org.kpledger.anchoring.checkpoint.TreeHeadSigner}.
 *
 * <p>The package depends on neither the publisher nor any sink nor Spring: sinks, the publisher and
 * the audit verifier all use it, never the other way round.
 */
package org.kpledger.anchoring.checkpoint;
