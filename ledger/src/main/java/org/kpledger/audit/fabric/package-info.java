/**
 * The offline check of Fabric evidence in an audit bundle, anchors and events recorded from the
 * channel: Hyperledger Fabric blocks, read with {@code fabric-protos} and no network client,
 * checked as a Fabric peer checks them.
 *
 * <p>What the package guarantees: {@link org.kpledger.audit.fabric.FabricAnchorVerifier} accepts a
 * head as anchored only if the block that carries its transaction hashes to its header ({@code
 * protoutil.ComputeBlockDataHash}), the transaction is a well-formed endorser transaction ({@code
 * core/common/validation}: id from nonce and creator, proposal hash) invoking {@code kpledger
 * Anchor:AppendHead} with exactly that head signed by the log key and storing it, the peers marked
 * it {@code VALID}, its creator signed it, the peers that endorsed it satisfy the channel's
 * endorsement policy in the configuration in force ({@code /Channel/Application/Endorsement},
 * evaluated as {@code cauthdsl} and {@code implicitmeta} do) and come from at least two
 * organisations (counted by CA), and an orderer of the channel's ordering organisation signed the
 * block over its metadata and the ASN.1 header ({@code protoutil.BlockSignatureVerifier}). The
 * channel's organisations come from the configuration block in force; each MSP's root must be an
 * organisation CA the caller pinned, the ordering organisation's as {@code ORDERING_SERVICE}.
 * Signatures are ECDSA P-256, low S (Fabric's BCCSP); certificate paths are validated per RFC 5280
 * at the transaction's proposal time. {@link org.kpledger.audit.fabric.ChannelConfirmationVerifier}
 * puts a certificate's confirmation recorded from the channel through the same checks, on the block
 * in the event's metadata, and requires the transaction to be {@code
 * CertificateRegistry:ConfirmCertificate} of the event's number and content hash by a client or
 * admin of an importing authority. Failures are {@link org.kpledger.audit.Finding}s named by {@link
 * org.kpledger.audit.Rule}; see {@code docs/audit-bundle.md}.
 */
package org.kpledger.audit.fabric;
