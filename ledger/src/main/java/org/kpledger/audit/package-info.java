/**
 * Audit bundles and their verifier: everything an auditor needs to check a stretch of the ledger
 * (events, the signed envelopes in them, organisation CA certificates and CRLs, signed tree heads,
 * Merkle proofs, anchor references) in one zip file of JSON lines, and a verifier that checks it
 * with no server. The format is specified in {@code docs/audit-bundle.md}.
 *
 * <p>What the package guarantees: {@link org.kpledger.audit.BundleVerifier} checks, and names by a
 * {@link org.kpledger.audit.Rule} every failure of,
 *
 * <ul>
 *   <li>every tree head: a C2SP signed note (c2sp.org/signed-note, c2sp.org/tlog-checkpoint) of
 *       signature type 0x05 (RFC 6962 §3.5 tree head signature) by the log key the caller pins,
 *       each consistent with the next by an RFC 9162 §2.1.4 consistency proof, and the newest
 *       consistent with the last checkpoint the auditor saw (no rollback, no fork);
 *   <li>every leaf: the event's bytes are its RFC 8785 canonical leaf object (format {@code
 *       kp-ledger/leaf/v1}), hashed as RFC 9162 §2.1.1 {@code SHA-256(0x00 || bytes)}, equal to the
 *       logged leaf hash, included in the signed tree (a contiguous range recomputed from its RFC
 *       9162 left frontier, or one §2.1.3 inclusion proof per leaf), each event exactly once;
 *   <li>every envelope: an ECDSA P-256 low-S signature over its RFC 8785 form, by a certificate
 *       that chains to an organisation CA the caller pins, valid and not revoked (RFC 5280 §5 CRLs
 *       from the bundle, verified against the pinned CAs) at the envelope's issue time, and bound
 *       to the event it is stored with (command id and actor);
 *   <li>every Fabric anchor the bundle carries or the caller requires ({@link
 *       org.kpledger.audit.fabric}): the block intact, its transaction appending exactly that
 *       signed head, valid, endorsed by peers of a majority of the channel's organisations and
 *       signed by its orderer, all identities chaining to pinned CAs.
 * </ul>
 *
 * <p>Trust comes from the caller, not the bundle: the log's verifier key and the CA certificates
 * are pinned by the caller, and bundle-supplied ones that differ are reported. Nothing here needs
 * Spring, Axon or a database.
 */
package org.kpledger.audit;
