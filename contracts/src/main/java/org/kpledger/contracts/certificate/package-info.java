/**
 * The certificate registry: Kimberley Process certificates as the channel knows them, by number and
 * the SHA-256 hash of their canonical content (never the commercial details).
 *
 * <p>What the contract guarantees (KP Certification Scheme, Section IV: the importing participant
 * confirms receipt of each shipment to the exporting authority):
 *
 * <ul>
 *   <li>a certificate is registered by a caller whose organisation CA declares a KP authority (the
 *       exporting authority), naming the MSP of the importing authority; a number is registered
 *       once;
 *   <li>receipt is confirmed only by a caller of the named importing MSP, only once, and only with
 *       the registered content hash: a confirmation by any other organisation or of other content
 *       is refused ({@link org.kpledger.contracts.certificate.CertificateRefusal});
 *   <li>anyone on the channel can read a certificate's status ({@code GetCertificate}).
 * </ul>
 */
package org.kpledger.contracts.certificate;
