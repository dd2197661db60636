package org.kpledger.certificate;

import org.axonframework.serialization.Revision;

/**
 * The importing authority confirmed receipt on the Fabric channel: the evidence is that channel's
 * transaction, which an auditor looks up by id and block and whose signature is the importing
 * authority's own Fabric identity (its CA names the destination country).
 *
 * @param certificateNumber the certificate
 * @param channel the Fabric channel
 * @param txId the confirming transaction's id
 * @param blockNumber the block that holds it
 * @param confirmingMsp the MSP id of the importing authority that confirmed
 * @param contentHash the content hash confirmed, equal to the certificate's ({@link
 *     CertificateContent})
 */
@Revision("1")
public record CertificateConfirmedOnChannelEvent(
    String certificateNumber,
    String channel,
    String txId,
    long blockNumber,
    String confirmingMsp,
    String contentHash) {}
