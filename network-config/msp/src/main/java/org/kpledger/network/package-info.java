/**
 * Fabric MSP and TLS material made by the organisations' own CAs ({@code
 * org.kpledger.identity.OrganisationCa}): the CA that signs an organisation's actor certificates in
 * the ledger is also its MSP root on the channel, so the channel configuration is the trust root an
 * auditor checks (ARCHITECTURE.md, "Identities and signatures").
 *
 * <p>Node identities carry Fabric's NodeOU in their OU ({@code peer}, {@code orderer}, {@code
 * admin}, {@code client}); TLS certificates name {@code localhost} and {@code 127.0.0.1}, since the
 * network runs on loopback. Every signature is ECDSA P-256 low-S, as Fabric requires.
 */
package org.kpledger.network;
