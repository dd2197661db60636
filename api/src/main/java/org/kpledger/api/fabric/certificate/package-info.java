/**
 * KP certificates on the Fabric channel, when {@code kp.fabric.enabled=true}: the node registers
 * every certificate it issues with the {@code CertificateRegistry} contract ({@link
 * org.kpledger.api.fabric.certificate.CertificateRegistrar}, a tracking processor of its own whose
 * token advances only once the channel holds the certificate), and follows the contract's events,
 * recording each {@code CertificateConfirmed} on the certificate with its transaction as evidence
 * ({@link org.kpledger.api.fabric.certificate.ChannelConfirmationFollower}, resuming from a
 * checkpoint kept in the ledger's database). What is hashed is {@link
 * org.kpledger.certificate.CertificateContent}.
 */
package org.kpledger.api.fabric.certificate;
