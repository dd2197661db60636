package org.kpledger.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A Fabric Gateway connection to one organisation's peer of the network that {@code
 * network-config/bin/network.sh up} started, as that organisation's {@code admin} or {@code
 * client}, with explicit deadlines. Used by the {@code *NetworkIT} tests, which run only with
 * {@code -Dkp.fabric.network=up}.
 */
public final class NetworkClient implements AutoCloseable {

  /** The organisations of the network, by MSP id as in network-config/bin/lib.sh. */
  public enum Org {
    /** The CAR KP authority. */
    CAR_KP("CarKpMSP"),
    /** The KP Monitoring Team. */
    MONITORING("KpMonitoringMSP"),
    /** The importing authority of Belgium. */
    IMPORTER("BeImportMSP"),
    /**
     * The importing authority of the United Arab Emirates: a client-only organisation, whose
     * clients use another organisation's peer (the description names it).
     */
    OTHER_IMPORTER("AeImportMSP");

    final String mspId;

    Org(String mspId) {
      this.mspId = mspId;
    }

    /**
     * The MSP id.
     *
     * @return the id
     */
    public String mspId() {
      return mspId;
    }
  }

  /** The description {@code network.sh up} wrote: peers, TLS roots and crypto folders. */
  private static final Properties NETWORK = describe();

  private final ManagedChannel channel;
  private final Gateway gateway;

  private NetworkClient(ManagedChannel channel, Gateway gateway) {
    this.channel = channel;
    this.gateway = gateway;
  }

  /**
   * Connects to an organisation's peer.
   *
   * @param org the organisation
   * @param who {@code admin} or {@code client}
   * @return the client
   * @throws IOException if the crypto material cannot be read
   * @throws GeneralSecurityException if it is malformed
   */
  public static NetworkClient connect(Org org, String who)
      throws IOException, GeneralSecurityException {
    Path dir = Path.of(setting(org.mspId + ".crypto"));
    ManagedChannel channel =
        Grpc.newChannelBuilder(
                setting(org.mspId + ".peer"),
                TlsChannelCredentials.newBuilder()
                    .trustManager(Path.of(setting(org.mspId + ".peer.tlsRootCert")).toFile())
                    .build())
            .build();
    Path msp = dir.resolve(who).resolve("msp");
    try (Reader cert = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
        Reader key = Files.newBufferedReader(msp.resolve("keystore/priv_sk"))) {
      Gateway gateway =
          Gateway.newInstance()
              .identity(new X509Identity(org.mspId, Identities.readX509Certificate(cert)))
              .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(key)))
              .connection(channel)
              .evaluateOptions(CallOption.deadlineAfter(10, TimeUnit.SECONDS))
              .endorseOptions(CallOption.deadlineAfter(30, TimeUnit.SECONDS))
              .submitOptions(CallOption.deadlineAfter(10, TimeUnit.SECONDS))
              .commitStatusOptions(CallOption.deadlineAfter(60, TimeUnit.SECONDS))
              .connect();
      return new NetworkClient(channel, gateway);
    }
  }

  /**
   * One of the chaincode's contracts on kp-channel.
   *
   * @param name {@code Anchor} or {@code CertificateRegistry}
   * @return the contract
   */
  public Contract contract(String name) {
    return gateway.getNetwork(setting("channel")).getContract(setting("chaincode"), name);
  }

  private static String setting(String name) {
    String value = NETWORK.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("the network description has no " + name);
    }
    return value;
  }

  private static Properties describe() {
    Path file =
        Path.of(
            System.getProperty(
                "kp.fabric.network.properties", "network-config/work/network.properties"));
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  /**
   * Asserts that submitting a transaction is refused by the chaincode with a reason code.
   *
   * @param call the submission
   * @param code the expected reason code
   */
  public static void assertRefusedOnNetwork(ThrowingSubmit call, String code) {
    assertThatThrownBy(call::submit)
        .isInstanceOf(GatewayException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(
                        e.getMessage() + " " + ((GatewayException) e).getDetails())
                    .contains(code));
  }

  /** A submission that may throw. */
  @FunctionalInterface
  public interface ThrowingSubmit {
    /**
     * Submits.
     *
     * @throws Exception on refusal
     */
    void submit() throws Exception;
  }

  @Override
  public void close() throws InterruptedException {
    gateway.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
