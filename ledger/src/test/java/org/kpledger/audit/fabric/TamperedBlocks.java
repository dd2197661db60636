package org.kpledger.audit.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EcdsaP256;

/**
 * Alters captured blocks the way someone holding them could: inside the anchoring transaction (its
 * argument, its endorsements), in the metadata the orderer signed or the peers wrote; optionally
 * recomputing the header's data hash, which then no longer matches the orderer's signature.
 */
final class TamperedBlocks {

  private TamperedBlocks() {}

  /** Changes the anchoring transaction's chaincode action payload (endorsements, proposal). */
  static byte[] action(byte[] bytes, String txId, UnaryOperator<ChaincodeActionPayload> change) {
    try {
      Block block = Block.parseFrom(bytes);
      Block.Builder out = block.toBuilder();
      for (int i = 0; i < block.getData().getDataCount(); i++) {
        Envelope envelope = Envelope.parseFrom(block.getData().getData(i));
        Payload payload = Payload.parseFrom(envelope.getPayload());
        if (!ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
            .getTxId()
            .equals(txId)) {
          continue;
        }
        Transaction tx = Transaction.parseFrom(payload.getData());
        ChaincodeActionPayload cap =
            ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
        Transaction changed =
            tx.toBuilder()
                .setActions(
                    0, tx.getActions(0).toBuilder().setPayload(change.apply(cap).toByteString()))
                .build();
        Envelope altered =
            envelope.toBuilder()
                .setPayload(
                    payload.toBuilder().setData(changed.toByteString()).build().toByteString())
                .build();
        out.getDataBuilder().setData(i, altered.toByteString());
      }
      return out.build().toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Changes the {@code Anchor:AppendHead} argument (the anchor request JSON). */
  static byte[] argument(byte[] block, String txId, UnaryOperator<String> change) {
    return action(
        block,
        txId,
        cap -> {
          try {
            ChaincodeProposalPayload cpp =
                ChaincodeProposalPayload.parseFrom(cap.getChaincodeProposalPayload());
            ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(cpp.getInput());
            String argument = spec.getChaincodeSpec().getInput().getArgs(1).toString(UTF_8);
            ChaincodeInvocationSpec.Builder changed = spec.toBuilder();
            changed
                .getChaincodeSpecBuilder()
                .getInputBuilder()
                .setArgs(1, ByteString.copyFromUtf8(change.apply(argument)));
            return cap.toBuilder()
                .setChaincodeProposalPayload(
                    cpp.toBuilder().setInput(changed.build().toByteString()).build().toByteString())
                .build();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Changes one character of the request's root hash (a base64 letter to another). */
  static String oneRootByte(String request) {
    int at = request.indexOf("\"rootHash\":\"") + "\"rootHash\":\"".length();
    char c = request.charAt(at);
    return request.substring(0, at) + (c == 'A' ? 'B' : 'A') + request.substring(at + 1);
  }

  /** Keeps only the first endorsement. */
  static byte[] oneEndorsement(byte[] block, String txId) {
    return action(
        block,
        txId,
        cap -> {
          ChaincodeActionPayload.Builder b = cap.toBuilder();
          Endorsement first = cap.getAction().getEndorsements(0);
          b.getActionBuilder().clearEndorsements().addEndorsements(first);
          return b.build();
        });
  }

  /**
   * Replaces the first endorsement with one by a peer certificate of the same subject, issued by a
   * CA outside the channel that copies the real CA's name, and validly signed with that peer's key.
   */
  static byte[] endorsedByOutsider(byte[] block, String txId) {
    return action(
        block,
        txId,
        cap -> {
          try {
            Endorsement real = cap.getAction().getEndorsements(0);
            SerializedIdentity id = SerializedIdentity.parseFrom(real.getEndorser());
            X509Certificate genuine = Pem.readCertificate(id.getIdBytes().toString(UTF_8));
            KeyPair outsiderCa = EcdsaP256.generateKeyPair();
            KeyPair peer = EcdsaP256.generateKeyPair();
            X509Certificate forged =
                certificate(
                    X500Name.getInstance(genuine.getIssuerX500Principal().getEncoded()),
                    X500Name.getInstance(genuine.getSubjectX500Principal().getEncoded()),
                    peer,
                    outsiderCa,
                    genuine);
            ByteString endorser =
                id.toBuilder()
                    .setIdBytes(ByteString.copyFromUtf8(Pem.writeCertificate(forged)))
                    .build()
                    .toByteString();
            byte[] signed =
                FabricBlocks.concat(
                    cap.getAction().getProposalResponsePayload().toByteArray(),
                    endorser.toByteArray());
            Endorsement forgedEndorsement =
                Endorsement.newBuilder()
                    .setEndorser(endorser)
                    .setSignature(ByteString.copyFrom(EcdsaP256.sign(peer.getPrivate(), signed)))
                    .build();
            ChaincodeActionPayload.Builder b = cap.toBuilder();
            b.getActionBuilder().setEndorsements(0, forgedEndorsement);
            return b.build();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Flips the last byte of the orderer's first signature. */
  static byte[] ordererSignatureFlipped(byte[] bytes) {
    try {
      Block block = Block.parseFrom(bytes);
      int index = BlockMetadataIndex.SIGNATURES_VALUE;
      Metadata metadata = Metadata.parseFrom(block.getMetadata().getMetadata(index));
      byte[] signature = metadata.getSignatures(0).getSignature().toByteArray();
      signature[signature.length - 1] ^= 0x01;
      Metadata.Builder altered = metadata.toBuilder();
      altered.getSignaturesBuilder(0).setSignature(ByteString.copyFrom(signature));
      Block.Builder out = block.toBuilder();
      out.getMetadataBuilder().setMetadata(index, altered.build().toByteString());
      return out.build().toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the validation code of every transaction, as a peer writes it after validation. */
  static byte[] validationCodes(byte[] bytes, byte code) {
    try {
      Block block = Block.parseFrom(bytes);
      int index = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
      byte[] codes = block.getMetadata().getMetadata(index).toByteArray();
      java.util.Arrays.fill(codes, code);
      Block.Builder out = block.toBuilder();
      out.getMetadataBuilder().setMetadata(index, ByteString.copyFrom(codes));
      return out.build().toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces the channel's {@code /Channel/Application/Endorsement} policy in a configuration block
   * and recomputes its data hash: what someone holding the genesis block (which no orderer signs)
   * could do.
   */
  static byte[] endorsementPolicy(byte[] bytes, Policy policy) {
    try {
      Block block = Block.parseFrom(bytes);
      Envelope envelope = Envelope.parseFrom(block.getData().getData(0));
      Payload payload = Payload.parseFrom(envelope.getPayload());
      ConfigEnvelope config = ConfigEnvelope.parseFrom(payload.getData());
      ConfigEnvelope.Builder changed = config.toBuilder();
      ConfigGroup.Builder channel = changed.getConfigBuilder().getChannelGroupBuilder();
      ConfigGroup application = channel.getGroupsOrThrow("Application");
      channel.putGroups(
          "Application",
          application.toBuilder()
              .putPolicies(
                  "Endorsement",
                  application.getPoliciesOrThrow("Endorsement").toBuilder()
                      .setPolicy(policy)
                      .build())
              .build());
      Payload newPayload = payload.toBuilder().setData(changed.build().toByteString()).build();
      Block.Builder out = block.toBuilder();
      out.getDataBuilder()
          .setData(
              0, envelope.toBuilder().setPayload(newPayload.toByteString()).build().toByteString());
      return rehashed(out.build().toByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signature policy {@code OutOf(n, 'msp.role', ...)}. */
  static Policy outOf(int n, MSPRole.MSPRoleType role, String... msps) {
    SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder();
    SignaturePolicy.NOutOf.Builder rule = SignaturePolicy.NOutOf.newBuilder().setN(n);
    for (int i = 0; i < msps.length; i++) {
      envelope.addIdentities(
          MSPPrincipal.newBuilder()
              .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
              .setPrincipal(
                  MSPRole.newBuilder()
                      .setMspIdentifier(msps[i])
                      .setRole(role)
                      .build()
                      .toByteString()));
      rule.addRules(SignaturePolicy.newBuilder().setSignedBy(i));
    }
    envelope.setRule(SignaturePolicy.newBuilder().setNOutOf(rule));
    return Policy.newBuilder()
        .setType(Policy.PolicyType.SIGNATURE_VALUE)
        .setValue(envelope.build().toByteString())
        .build();
  }

  /** An implicit meta policy {@code RULE Endorsement} over the application organisations. */
  static Policy implicitMeta(ImplicitMetaPolicy.Rule rule) {
    return Policy.newBuilder()
        .setType(Policy.PolicyType.IMPLICIT_META_VALUE)
        .setValue(
            ImplicitMetaPolicy.newBuilder()
                .setSubPolicy("Endorsement")
                .setRule(rule)
                .build()
                .toByteString())
        .build();
  }

  /**
   * Puts another identity as the transaction's creator (its signature header), keeping its
   * signature: what re-attributing a transaction to someone else looks like.
   */
  static byte[] creator(byte[] bytes, String txId, ByteString creator) {
    try {
      Block block = Block.parseFrom(bytes);
      Block.Builder out = block.toBuilder();
      for (int i = 0; i < block.getData().getDataCount(); i++) {
        Envelope envelope = Envelope.parseFrom(block.getData().getData(i));
        Payload payload = Payload.parseFrom(envelope.getPayload());
        if (!ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
            .getTxId()
            .equals(txId)) {
          continue;
        }
        SignatureHeader header =
            SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        Payload.Builder changed = payload.toBuilder();
        changed
            .getHeaderBuilder()
            .setSignatureHeader(header.toBuilder().setCreator(creator).build().toByteString());
        out.getDataBuilder()
            .setData(
                i,
                envelope.toBuilder()
                    .setPayload(changed.build().toByteString())
                    .build()
                    .toByteString());
      }
      return out.build().toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The creator (serialized identity) of a transaction in a block. */
  static ByteString creatorOf(byte[] bytes, String txId) {
    try {
      Block block = Block.parseFrom(bytes);
      for (ByteString data : block.getData().getDataList()) {
        Payload payload = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
        if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
            .getTxId()
            .equals(txId)) {
          return SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()).getCreator();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalArgumentException("no transaction " + txId);
  }

  /** Recomputes the header's data hash over the (altered) data. */
  static byte[] rehashed(byte[] bytes) {
    try {
      Block block = Block.parseFrom(bytes);
      Block.Builder out = block.toBuilder();
      out.getHeaderBuilder().setDataHash(ByteString.copyFrom(FabricBlocks.dataHash(block)));
      return out.build().toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(
      X500Name issuer,
      X500Name subject,
      KeyPair subjectKeys,
      KeyPair issuerKeys,
      X509Certificate like)
      throws Exception {
    Instant from = like.getNotBefore().toInstant();
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(Instant.now().toEpochMilli()),
                    Date.from(from),
                    Date.from(from.plus(3650, ChronoUnit.DAYS)),
                    subject,
                    subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }
}
