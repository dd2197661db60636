package org.kpledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EnvelopeSigner;
import org.kpledger.signing.SignedEnvelope;

/**
 * An actor's key and certificate, kept in the actor's own directory ({@code key.pem} readable by
 * the owner only, {@code cert.pem}). Signing happens here; only the envelope leaves.
 */
record ActorKey(X509Certificate certificate, PrivateKey key) {
  static final String CERT = "cert.pem";
  static final String KEY = "key.pem";

  static ActorKey load(Path dir) throws IOException {
    return new ActorKey(
        Pem.readCertificate(Files.readString(dir.resolve(CERT))),
        Pem.readPrivateKey(Files.readString(dir.resolve(KEY))));
  }

  void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(CERT), Pem.writeCertificate(certificate));
    Path keyFile = dir.resolve(KEY);
    Files.deleteIfExists(keyFile);
    try {
      Files.createFile(
          keyFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(keyFile);
    }
    Files.writeString(keyFile, Pem.writePrivateKey(key));
  }

  /** Signs a command now, with a fresh commandId. */
  SignedEnvelope sign(String commandType, JsonNode payload) {
    return EnvelopeSigner.sign(
        commandType, UUID.randomUUID().toString(), Instant.now(), payload, certificate, key);
  }
}
