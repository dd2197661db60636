/**
 * The node's side of the Fabric network: one Gateway connection as the node operator's Fabric
 * identity ({@link org.kpledger.api.fabric.FabricConnection}, settings {@code kp.fabric.*}),
 * switched on by {@code kp.fabric.enabled=true}. What goes over it (tree heads to the {@code
 * Anchor} contract, certificates to the {@code CertificateRegistry}) lives in the packages below.
 */
package org.kpledger.api.fabric;
