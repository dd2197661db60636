package org.kpledger.contracts.anchor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the contract stores for each accepted head and returns from its queries (golden file {@code
 * formats/anchor/anchored-head.json}).
 *
 * @param head the signed tree head as submitted
 * @param txId the id of the Fabric transaction that anchored it
 * @param txTimestamp that transaction's proposal timestamp, ISO-8601 UTC
 */
@JsonPropertyOrder({"head", "txId", "txTimestamp"})
public record AnchoredHead(TreeHead head, String txId, String txTimestamp) {}
