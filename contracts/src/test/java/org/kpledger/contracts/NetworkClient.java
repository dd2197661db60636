package org.kpledger.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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

  /**
   * The organisation's CA certificate (its {@code OrganisationCa} folder {@code <crypto>/ca}).
   *
   * @param org the organisation
   * @return PEM text
   * @throws IOException if it cannot be read
   */
  public static String caPem(Org org) throws IOException {
    return Files.readString(caDir(org).resolve("ca-cert.pem"));
  }

  /**
   * Issues a ledger-node certificate ({@code OU=LEDGER_NODE}) for a key from the organisation's CA
   * folder, as {@code kp node certify} does.
   *
   * @param org the organisation whose CA issues it
   * @param key the node's P-256 public key
   * @param notAfter the end of its validity
   * @return PEM text
   * @throws Exception if the CA cannot be read or the certificate signed
   */
  public static String certifyLedgerNode(Org org, PublicKey key, Instant notAfter)
      throws Exception {
    X509Certificate ca =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem(org).getBytes(UTF_8)));
    PrivateKey caKey;
    try (PEMParser pem = new PEMParser(Files.newBufferedReader(caDir(org).resolve("ca-key.pem")))) {
      caKey = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) pem.readObject());
    }
    X500Name subject =
        new X500Name("CN=it-node,O=" + setting(org.mspId + ".organisation") + ",OU=LEDGER_NODE");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return TestOrganisations.pem(
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        ca,
                        BigInteger.valueOf(System.nanoTime()),
                        Date.from(now.minus(1, ChronoUnit.HOURS)),
                        Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)),
                        subject,
                        key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey))));
  }

  private static Path caDir(Org org) {
    return Path.of(setting(org.mspId + ".crypto")).resolve("ca");
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
