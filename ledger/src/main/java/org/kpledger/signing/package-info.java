/**
 * ECDSA P-256 signatures and the signed command envelope.
 *
 * <p>Rules applied: ECDSA over NIST P-256 (secp256r1, SEC 1 v2 §4.1 / FIPS 186-4 §6) with SHA-256,
 * deterministic nonces per RFC 6979; signatures are DER {@code ECDSA-Sig-Value} (SEC 1 §C.5, RFC
 * 3279 §2.2.3) in strict DER only; and, as in Hyperledger Fabric, signatures must be low-S ({@code
 * s <= n/2}): signing normalises s, verification rejects high-S, so a signature cannot be
 * re-encoded into a second valid form. Envelopes are signed over the RFC 8785 canonical form of
 * every member except the signature.
 */
package org.kpledger.signing;
