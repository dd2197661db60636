package org.kpledger.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EcdsaP256;

/**
 * Writes Fabric's MSP folder layout (as {@code cryptogen} does) for an organisation and its
 * identities: {@code cacerts/}, {@code tlscacerts/}, {@code signcerts/}, {@code keystore/} and the
 * NodeOU {@code config.yaml}; TLS material as {@code ca.crt}, {@code server.crt}, {@code
 * server.key} (and {@code client.*} for administrators).
 */
final class MspWriter {

  static final String CA_FILE = "ca.pem";

  private final X509Certificate ca;
  private final NodeCertificates issuer;
  private final String organisationId;
  private final Instant from;
  private final Instant to;

  MspWriter(
      X509Certificate ca,
      NodeCertificates issuer,
      String organisationId,
      Instant from,
      Instant to) {
    this.ca = ca;
    this.issuer = issuer;
    this.organisationId = organisationId;
    this.from = from;
    this.to = to;
  }

  /** The organisation's MSP, as the channel configuration holds it: CA certificates only. */
  void organisationMsp(Path msp) throws IOException {
    write(msp.resolve("cacerts").resolve(CA_FILE), Pem.writeCertificate(ca), false);
    write(msp.resolve("tlscacerts").resolve(CA_FILE), Pem.writeCertificate(ca), false);
    write(msp.resolve("config.yaml"), nodeOus(), false);
  }

  /** A node or user: {@code <dir>/msp} with its signing identity and {@code <dir>/tls}. */
  void identity(Path dir, String name, String nodeUnit) throws IOException {
    Path msp = dir.resolve("msp");
    organisationMsp(msp);
    KeyPair keys = EcdsaP256.generateKeyPair();
    X509Certificate cert =
        issuer.identity(name, organisationId, nodeUnit, keys.getPublic(), from, to);
    write(msp.resolve("signcerts").resolve("cert.pem"), Pem.writeCertificate(cert), false);
    write(msp.resolve("keystore").resolve("priv_sk"), Pem.writePrivateKey(keys.getPrivate()), true);
    KeyPair tlsKeys = EcdsaP256.generateKeyPair();
    X509Certificate tls = issuer.tls(name, organisationId, tlsKeys.getPublic(), from, to);
    String role = nodeUnit.equals("admin") || nodeUnit.equals("client") ? "client" : "server";
    Path tlsDir = dir.resolve("tls");
    write(tlsDir.resolve("ca.crt"), Pem.writeCertificate(ca), false);
    write(tlsDir.resolve(role + ".crt"), Pem.writeCertificate(tls), false);
    write(tlsDir.resolve(role + ".key"), Pem.writePrivateKey(tlsKeys.getPrivate()), true);
  }

  private static String nodeOus() {
    StringBuilder yaml = new StringBuilder("NodeOUs:\n  Enable: true\n");
    String[][] units = {
      {"Client", "client"}, {"Peer", "peer"}, {"Admin", "admin"}, {"Orderer", "orderer"}
    };
    for (String[] u : units) {
      yaml.append("  ")
          .append(u[0])
          .append("OUIdentifier:\n    Certificate: cacerts/")
          .append(CA_FILE)
          .append("\n    OrganizationalUnitIdentifier: ")
          .append(u[1])
          .append('\n');
    }
    return yaml.toString();
  }

  private static void write(Path file, String text, boolean secret) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    if (secret) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }
}
