/**
 * Actor identity: organisation CAs, actor certificates, revocation lists and their checking.
 *
 * <p>Rules applied: RFC 5280 X.509 v3 certificates and v2 CRLs. Each Kimberley Process organisation
 * runs one self-signed ECDSA P-256 CA (basicConstraints CA with path length 0, keyCertSign and
 * cRLSign); it issues end-entity actor certificates whose subject is {@code CN=<actorId>,
 * O=<organisationId>, OU=<role>} (RFC 4514 order). Validity periods are inclusive at both ends (RFC
 * 5280 §4.1.2.5); a certificate counts as revoked at an instant when the newest CRL (highest
 * cRLNumber, RFC 5280 §5.2.3) of its CA lists it with a revocation date at or before that instant.
 * Certificates and CRLs issued here carry low-S ECDSA signatures (as Hyperledger Fabric requires of
 * its MSPs); verification of certificates from other tools accepts either S, since their encoding
 * is fixed by the envelope signature that embeds them.
 */
package org.kpledger.identity;
