package org.kpledger.certificate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: the node saw a {@code CertificateConfirmed} event of the channel's certificate
 * registry, committed in a block; not in the command catalogue, so no client can send it.
 *
 * @param certificateNumber the certificate
 * @param channel the Fabric channel
 * @param txId the confirming transaction's id
 * @param blockNumber the block that holds it
 * @param confirmingMsp the MSP id of the importing authority that confirmed
 * @param contentHash the content hash the transaction confirmed
 */
public record RecordChannelConfirmationCommand(
    @TargetAggregateIdentifier String certificateNumber,
    String channel,
    String txId,
    long blockNumber,
    String confirmingMsp,
    String contentHash) {}
