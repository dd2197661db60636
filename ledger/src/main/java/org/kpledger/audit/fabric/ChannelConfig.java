package org.kpledger.audit.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/**
 * A channel's configuration as one configuration block states it: the channel's name; per
 * organisation, whether it is an application (peer) or an ordering organisation, and its MSP: root
 * and intermediate CA certificates, revocation lists and NodeOU identifiers ({@code
 * /Channel/Application/<org>/MSP}, {@code /Channel/Orderer/<org>/MSP}); and the policy that
 * endorsements must satisfy ({@code /Channel/Application/Endorsement}).
 *
 * @param channel the channel's name
 * @param block the configuration block, parsed
 * @param issuedAt its transaction's timestamp
 * @param msps the organisations' MSPs
 * @param endorsement the channel's endorsement policy, {@code /Channel/Application/Endorsement},
 *     which a chaincode definition that names no policy of its own follows
 */
record ChannelConfig(
    String channel, Block block, Instant issuedAt, List<Msp> msps, EndorsementPolicy endorsement) {

  /** Whether an organisation endorses (application) or orders. */
  enum Kind {
    APPLICATION,
    ORDERER
  }

  /**
   * One organisation's MSP as the configuration defines it.
   *
   * @param mspId the MSP id
   * @param kind application or ordering organisation
   * @param roots its root CA certificates
   * @param intermediates its intermediate CA certificates
   * @param crls its revocation lists
   * @param nodeOus the NodeOU classification, if enabled
   */
  record Msp(
      String mspId,
      Kind kind,
      List<X509Certificate> roots,
      List<X509Certificate> intermediates,
      List<X509CRL> crls,
      Optional<FabricNodeOUs> nodeOus) {}

  /**
   * Reads a configuration block.
   *
   * @param bytes the block's protobuf bytes
   * @return the configuration
   * @throws EvidenceException {@code CHANNEL_CONFIG_INVALID} if it is not a readable config block
   */
  static ChannelConfig parse(byte[] bytes) throws EvidenceException {
    try {
      Block block = Block.parseFrom(bytes);
      if (block.getData().getDataCount() != 1) {
        throw invalid("a configuration block holds exactly one envelope");
      }
      Payload payload =
          Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
      ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      if (header.getType() != HeaderType.CONFIG_VALUE) {
        throw invalid("its transaction is of type " + header.getType() + ", not CONFIG");
      }
      ConfigGroup channel =
          ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();
      List<Msp> msps = new ArrayList<>();
      msps(channel, "Application", Kind.APPLICATION, msps);
      msps(channel, "Orderer", Kind.ORDERER, msps);
      Instant issuedAt =
          Instant.ofEpochSecond(
              header.getTimestamp().getSeconds(), header.getTimestamp().getNanos());
      EndorsementPolicy endorsement =
          EndorsementPolicy.of(
              channel.getGroupsMap().get("Application"),
              "/Channel/Application",
              EndorsementPolicy.ENDORSEMENT);
      return new ChannelConfig(
          header.getChannelId(), block, issuedAt, List.copyOf(msps), endorsement);
    } catch (InvalidProtocolBufferException | CertificateException | CRLException e) {
      throw invalid("cannot be read: " + e.getMessage());
    }
  }

  /** The MSPs of an organisation kind. */
  List<Msp> msps(Kind kind) {
    return msps.stream().filter(m -> m.kind() == kind).toList();
  }

  private static void msps(ConfigGroup channel, String section, Kind kind, List<Msp> out)
      throws InvalidProtocolBufferException, CertificateException, CRLException {
    ConfigGroup group = channel.getGroupsMap().get(section);
    if (group == null) {
      return;
    }
    for (Map.Entry<String, ConfigGroup> org : group.getGroupsMap().entrySet()) {
      ConfigValue value = org.getValue().getValuesMap().get("MSP");
      if (value == null) {
        continue;
      }
      MSPConfig msp = MSPConfig.parseFrom(value.getValue());
      if (msp.getType() != 0) {
        continue; // not an X.509 (FABRIC) MSP: it cannot vouch for an identity here
      }
      FabricMSPConfig config = FabricMSPConfig.parseFrom(msp.getConfig());
      out.add(
          new Msp(
              config.getName(),
              kind,
              certificates(config.getRootCertsList()),
              certificates(config.getIntermediateCertsList()),
              crls(config.getRevocationListList()),
              config.hasFabricNodeOus() && config.getFabricNodeOus().getEnable()
                  ? Optional.of(config.getFabricNodeOus())
                  : Optional.empty()));
    }
  }

  static List<X509Certificate> certificates(List<ByteString> pems) throws CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (ByteString pem : pems) {
      for (var cert : factory.generateCertificates(new ByteArrayInputStream(pem.toByteArray()))) {
        out.add((X509Certificate) cert);
      }
    }
    return List.copyOf(out);
  }

  private static List<X509CRL> crls(List<ByteString> pems)
      throws CertificateException, CRLException {
    List<X509CRL> out = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (ByteString pem : pems) {
      for (var crl : factory.generateCRLs(new ByteArrayInputStream(pem.toByteArray()))) {
        out.add((X509CRL) crl);
      }
    }
    return List.copyOf(out);
  }

  private static EvidenceException invalid(String detail) {
    return new EvidenceException(
        org.kpledger.audit.Rule.CHANNEL_CONFIG_INVALID, "the configuration block " + detail);
  }
}
