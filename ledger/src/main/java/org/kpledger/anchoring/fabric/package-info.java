/**
 * What a Fabric anchor sink keeps beside each head it anchored: the anchoring transaction's id, the
 * block that carries it, as the peer returned it (Fabric's {@code common.Block} protobuf bytes),
 * and the block's number (table {@code anchor_transaction}). The audit bundle carries these blocks
 * so that an auditor checks the anchoring offline: the head inside the transaction, its
 * endorsements and the orderer's signature on the block.
 *
 * <p>This package holds bytes and ids only, no Fabric or gRPC code: the ledger library that an
 * auditor runs stays free of the network client. The sink itself lives with the node.
 */
package org.kpledger.anchoring.fabric;
