/**
 * The anchor contract: a ledger's signed tree heads, each appended only with an RFC 9162 §2.1.4
 * consistency proof from the head anchored before it.
 *
 * <p>What the contract guarantees for a ledger id, once its ledger node is registered ({@code
 * RegisterLedgerNode}, by an administrator of a KP authority, once, with the node's certificate:
 * issued by that administrator's own organisation CA, {@code OU=LEDGER_NODE}, a P-256 key, valid at
 * the transaction's time; {@link org.kpledger.contracts.anchor.NodeCertification}):
 *
 * <ul>
 *   <li>every stored head was appended while the node's certificate was valid at the transaction's
 *       time;
 *   <li>every stored head carries a strict-DER, low-S ECDSA P-256 signature (Fabric's rule) by that
 *       key over the head's checkpoint text {@code <ledgerId>\n<size>\n<base64 root>\n} (the body
 *       of a C2SP tlog-checkpoint, origin = ledger id; {@link
 *       org.kpledger.contracts.anchor.TreeHead#checkpoint()});
 *   <li>sizes never shrink and each head's tree extends the previous one: the consistency proof is
 *       checked with the ledger's own {@code org.kpledger.merkle.ProofVerifier}, copied from {@code
 *       ledger} by the build; a smaller size, a different root at the same size (a fork) or a proof
 *       that does not verify are refused ({@link org.kpledger.contracts.anchor.AnchorRefusal});
 *   <li>each accepted head is stored under its size, becomes the latest head and is announced by a
 *       {@code HeadAnchored} event whose payload is the stored record.
 * </ul>
 *
 * <p>The JSON of {@link org.kpledger.contracts.anchor.TreeHead}, {@link
 * org.kpledger.contracts.anchor.AnchorRequest} and {@link
 * org.kpledger.contracts.anchor.AnchoredHead} is pinned by the golden files in {@code
 * formats/anchor/}, which the ledger's tests read too.
 */
package org.kpledger.contracts.anchor;
