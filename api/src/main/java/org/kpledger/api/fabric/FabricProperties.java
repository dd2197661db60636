package org.kpledger.api.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the node reaches the Fabric network ({@code kp.fabric.*}). Either every part is named, or
 * {@code networkProperties} names the description that {@code network-config/bin/network.sh up}
 * writes and {@code organisation} and {@code identity} pick the MSP and the crypto folder in it
 * ({@code <crypto>/<identity>/msp/signcerts/cert.pem} and {@code keystore/priv_sk}); parts named
 * explicitly win.
 *
 * @param enabled whether the node uses Fabric at all
 * @param networkProperties a network description file, or {@code null}
 * @param organisation the MSP id the node acts as (with {@code networkProperties})
 * @param identity the crypto folder of that MSP, {@code client} by default
 * @param mspId the MSP id of the node's Fabric identity
 * @param peer the Gateway peer, {@code host:port}
 * @param tlsRootCert the PEM file of the peer's TLS root
 * @param certificate the PEM file of the node's Fabric identity certificate
 * @param privateKey the PEM (PKCS#8) file of its key
 * @param channel the channel
 * @param chaincode the chaincode
 * @param evaluateTimeout deadline of a query
 * @param endorseTimeout deadline of an endorsement
 * @param submitTimeout deadline of the submission to the orderer
 * @param commitTimeout deadline of waiting for the commit status
 */
@ConfigurationProperties(prefix = "kp.fabric")
public record FabricProperties(
    @DefaultValue("false") boolean enabled,
    Path networkProperties,
    String organisation,
    @DefaultValue("client") String identity,
    String mspId,
    String peer,
    Path tlsRootCert,
    Path certificate,
    Path privateKey,
    @DefaultValue("kp-channel") String channel,
    @DefaultValue("kpledger") String chaincode,
    @DefaultValue("PT10S") Duration evaluateTimeout,
    @DefaultValue("PT30S") Duration endorseTimeout,
    @DefaultValue("PT10S") Duration submitTimeout,
    @DefaultValue("PT60S") Duration commitTimeout) {

  /**
   * Fills the parts not named from the network description, if one is given.
   *
   * @return complete settings
   * @throws IllegalStateException if a part is missing from both
   */
  public FabricProperties resolved() {
    if (networkProperties == null) {
      return requireComplete(this);
    }
    Properties net = load(networkProperties);
    String msp = first(mspId, organisation);
    if (msp == null) {
      throw new IllegalStateException(
          "kp.fabric.organisation (an MSP id of " + networkProperties + ") is required");
    }
    Path crypto = Path.of(need(net, msp + ".crypto"));
    Path msps = crypto.resolve(identity).resolve("msp");
    return requireComplete(
        new FabricProperties(
            enabled,
            networkProperties,
            organisation,
            identity,
            msp,
            first(peer, need(net, msp + ".peer")),
            first(tlsRootCert, Path.of(need(net, msp + ".peer.tlsRootCert"))),
            first(certificate, msps.resolve("signcerts").resolve("cert.pem")),
            first(privateKey, msps.resolve("keystore").resolve("priv_sk")),
            first(net.getProperty("channel"), channel),
            first(net.getProperty("chaincode"), chaincode),
            evaluateTimeout,
            endorseTimeout,
            submitTimeout,
            commitTimeout));
  }

  private static FabricProperties requireComplete(FabricProperties p) {
    if (p.mspId == null
        || p.peer == null
        || p.tlsRootCert == null
        || p.certificate == null
        || p.privateKey == null) {
      throw new IllegalStateException(
          "kp.fabric needs msp-id, peer, tls-root-cert, certificate and private-key, or"
              + " network-properties and organisation");
    }
    return p;
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  private static String need(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("the network description has no " + key);
    }
    return v;
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the network description " + file, e);
    }
  }
}
