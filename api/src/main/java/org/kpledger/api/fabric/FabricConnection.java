package org.kpledger.api.fabric;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A Fabric Gateway connection to one peer over TLS, as one Fabric identity, with a deadline on
 * every call. The key is read once from its file and stays in this process. Thread-safe; close it
 * once.
 */
public final class FabricConnection implements AutoCloseable {

  private final FabricProperties settings;
  private final ManagedChannel grpc;
  private final Gateway gateway;
  private final X509Certificate certificate;

  private FabricConnection(
      FabricProperties settings,
      ManagedChannel grpc,
      Gateway gateway,
      X509Certificate certificate) {
    this.settings = settings;
    this.grpc = grpc;
    this.gateway = gateway;
    this.certificate = certificate;
  }

  /**
   * Opens a connection. gRPC connects lazily: an unreachable peer shows at the first call.
   *
   * @param settings where and as whom; {@link FabricProperties#resolved()} is applied
   * @return the connection
   * @throws UncheckedIOException if a certificate or key file cannot be read
   * @throws IllegalStateException if one is malformed
   */
  public static FabricConnection open(FabricProperties settings) {
    FabricProperties s = settings.resolved();
    X509Certificate cert;
    try (Reader certIn = Files.newBufferedReader(s.certificate());
        Reader keyIn = Files.newBufferedReader(s.privateKey())) {
      cert = Identities.readX509Certificate(certIn);
      var signer = Signers.newPrivateKeySigner(Identities.readPrivateKey(keyIn));
      ManagedChannel grpc =
          Grpc.newChannelBuilder(
                  s.peer(),
                  TlsChannelCredentials.newBuilder().trustManager(s.tlsRootCert().toFile()).build())
              .build();
      Gateway gateway =
          Gateway.newInstance()
              .identity(new X509Identity(s.mspId(), cert))
              .signer(signer)
              .connection(grpc)
              .evaluateOptions(deadline(s.evaluateTimeout()))
              .endorseOptions(deadline(s.endorseTimeout()))
              .submitOptions(deadline(s.submitTimeout()))
              .commitStatusOptions(deadline(s.commitTimeout()))
              .connect();
      return new FabricConnection(s, grpc, gateway, cert);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the node's Fabric identity", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the node's Fabric identity is malformed: " + e, e);
    }
  }

  private static CallOption deadline(java.time.Duration d) {
    return CallOption.deadlineAfter(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The channel.
   *
   * @return the network of the configured channel
   */
  public Network network() {
    return gateway.getNetwork(settings.channel());
  }

  /**
   * One of the chaincode's contracts.
   *
   * @param name {@code Anchor} or {@code CertificateRegistry}
   * @return the contract
   */
  public Contract contract(String name) {
    return network().getContract(settings.chaincode(), name);
  }

  /**
   * The settings in use, resolved.
   *
   * @return the settings
   */
  public FabricProperties settings() {
    return settings;
  }

  /**
   * The identity's certificate.
   *
   * @return the certificate the node's transactions are signed under
   */
  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public void close() {
    gateway.close();
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
