package org.kpledger.contracts.anchor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The ledger node whose key signs a ledger's tree heads, as registered on the channel.
 *
 * @param ledgerId the ledger's id
 * @param publicKey the node's P-256 public key, canonical base64 of its X.509 SubjectPublicKeyInfo
 * @param certificate the node's certificate (role {@code LEDGER_NODE}) from the registering
 *     organisation's CA, canonical base64 of its DER; heads are accepted only while it is valid
 * @param ownerMsp the MSP id of the organisation whose administrator registered it
 * @param txId the registering transaction's id
 */
@JsonPropertyOrder({"ledgerId", "publicKey", "certificate", "ownerMsp", "txId"})
public record LedgerNode(
    String ledgerId, String publicKey, String certificate, String ownerMsp, String txId) {}
