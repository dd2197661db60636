/**
 * The certificate registry: Kimberley Process certificates as the channel knows them, by number and
 * the SHA-256 hash of their canonical content (never the commercial details).
 *
 * <p>What the contract guarantees (KP Certification Scheme, Section IV: the importing participant
 * confirms receipt of each shipment to the exporting authority):
 *
 * <ul>
 *   <li>a certificate is registered by a caller whose organisation CA declares a KP authority (the
 *       exporting authority), naming the destination (importing) country, ISO 3166-1 alpha-2, other
 *       than the exporter's own; a number is registered once;
 *   <li>receipt is confirmed only by a caller whose organisation CA (the issuer of its certificate,
 *       which the peer's MSP validated against the channel's MSP roots) declares an importing
 *       authority ({@code OU=IMPORTING_AUTHORITY}) of that country ({@code C=}), only once, and
 *       only with the registered content hash: a confirmation by any other organisation, by another
 *       country's importing authority or of other content is refused ({@link
 *       org.kpledger.contracts.certificate.CertificateRefusal}). The country thus comes from the
 *       channel's trust root, which only a majority of the organisations' admins can change, and
 *       never from what the exporting authority or the caller says;
 *   <li>anyone on the channel can read a certificate's status ({@code GetCertificate}).
 * </ul>
 */
package org.kpledger.contracts.certificate;
