/**
 * Audit bundles over HTTP: {@code GET /api/audit/bundle} exports the events of a time range or of
 * one shipment's custody chain, with their envelopes, the organisation CAs and CRLs, the signed
 * tree heads (C2SP checkpoints) and their anchors, the RFC 9162 inclusion and consistency proofs
 * and, when the node anchors on Fabric, the anchoring blocks and the channel's configuration, as
 * one zip in the format {@code kp-ledger/audit-bundle/v1} ({@code docs/audit-bundle.md}) that
 * {@code org.kpledger.audit.BundleVerifier} (or {@code kp verify}) checks offline.
 */
package org.kpledger.api.audit;
