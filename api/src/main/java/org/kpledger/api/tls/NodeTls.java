package org.kpledger.api.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EcdsaP256;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * The node's TLS material in its data directory: {@code node/tls-key.pem} (a P-256 key made here,
 * readable by its owner only, never leaving the node) and {@code node/tls-cert.pem} (the node's
 * certificate from its organisation's CA, followed by the CA's certificate). The trust store for
 * client certificates is every organisation CA of the trust directory.
 */
public final class NodeTls {
  /** The name of the SSL bundle the profiles {@code tls} and {@code mtls} serve. */
  public static final String BUNDLE = "kp-node";

  private NodeTls() {}

  /** The private key file under a data directory. */
  public static Path keyFile(Path dataDir) {
    return dataDir.resolve("node").resolve("tls-key.pem");
  }

  /** The certificate chain file under a data directory. */
  public static Path certificateFile(Path dataDir) {
    return dataDir.resolve("node").resolve("tls-cert.pem");
  }

  /**
   * Makes a fresh key and has the CA certify it for the hosts the node is reached by; writes both
   * files (replacing earlier ones) and returns the certificate.
   */
  public static X509Certificate issue(
      OrganisationCa ca,
      Path dataDir,
      String nodeId,
      List<String> dnsNames,
      List<String> ipAddresses,
      Instant now,
      Duration validity) {
    KeyPair pair = EcdsaP256.generateKeyPair();
    X509Certificate cert =
        ca.issueTlsServerCertificate(
            nodeId,
            dnsNames,
            ipAddresses,
            pair.getPublic(),
            now.minus(Duration.ofHours(1)),
            now.plus(validity));
    try {
      Path key = keyFile(dataDir);
      Files.createDirectories(key.getParent());
      Files.deleteIfExists(key);
      Files.createFile(
          key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(key, Pem.writePrivateKey(pair.getPrivate()));
      Files.writeString(
          certificateFile(dataDir),
          Pem.writeCertificate(cert) + Pem.writeCertificate(ca.certificate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cert;
  }

  /**
   * The bundle Tomcat serves: the node's key and chain, and the trust directory's CA certificates
   * for client certificates.
   *
   * @throws IllegalStateException if the key or the certificate is missing, saying how to make them
   */
  public static SslBundle bundle(Path dataDir, Path trustDir) {
    Path key = keyFile(dataDir);
    Path cert = certificateFile(dataDir);
    if (!Files.isRegularFile(key) || !Files.isRegularFile(cert)) {
      throw new IllegalStateException(
          "TLS needs "
              + key
              + " and "
              + cert
              + "; make them with: kp node tls --ca <the organisation's CA folder> --data-dir "
              + dataDir);
    }
    try {
      PemSslStoreDetails keyStore =
          PemSslStoreDetails.forCertificates(Files.readString(cert))
              .withPrivateKey(Files.readString(key));
      String cas = trustedCas(trustDir);
      PemSslStoreDetails trustStore =
          cas.isEmpty() ? null : PemSslStoreDetails.forCertificates(cas);
      return SslBundle.of(new PemSslStoreBundle(keyStore, trustStore));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String trustedCas(Path trustDir) throws IOException {
    if (!Files.isDirectory(trustDir)) {
      return "";
    }
    StringBuilder pem = new StringBuilder();
    try (Stream<Path> files = Files.list(trustDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pem")).sorted().toList()) {
        for (X509Certificate c : Pem.readCertificates(Files.readString(f))) {
          pem.append(Pem.writeCertificate(c));
        }
      }
    }
    return pem.toString();
  }
}
