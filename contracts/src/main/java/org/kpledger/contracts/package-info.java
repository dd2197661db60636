/**
 * Hyperledger Fabric chaincode of the KP ledger, run as a chaincode service (fabric-contract-api,
 * no Spring, no Axon). Two contracts share this runtime:
 *
 * <ul>
 *   <li>{@code Anchor} ({@link org.kpledger.contracts.anchor.AnchorContract}): signed tree heads of
 *       a ledger's RFC 9162 Merkle log, each accepted only with a consistency proof from the last
 *       one, so the channel itself refuses a rewritten history;
 *   <li>{@code CertificateRegistry} ({@link
 *       org.kpledger.contracts.certificate.CertificateRegistryContract}): KP certificates
 *       registered by the exporting KP authority and confirmed by the importing authority named at
 *       registration.
 * </ul>
 *
 * <p>What every transaction here guarantees: it writes only bytes that are a deterministic function
 * of its arguments, the proposal's transaction id and timestamp, and the world state (so endorsing
 * peers of different organisations produce the same write set); and it either writes everything it
 * means to or refuses with a {@code ChaincodeException} whose payload is a stable reason code
 * ({@link org.kpledger.contracts.anchor.AnchorRefusal}, {@link
 * org.kpledger.contracts.certificate.CertificateRefusal}).
 */
package org.kpledger.contracts;
