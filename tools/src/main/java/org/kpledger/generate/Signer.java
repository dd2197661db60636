package org.kpledger.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EnvelopeSigner;

/**
 * A generated actor's certificate and key, kept in the generator's state so a resume signs alike.
 */
record Signer(String actorId, X509Certificate certificate, PrivateKey key) {
  /** Signs a command now under the plan's command id. */
  String sign(String commandType, String commandId, JsonNode payload) {
    return EnvelopeSigner.sign(commandType, commandId, Instant.now(), payload, certificate, key)
        .toJson();
  }

  static Signer load(String actorId, Path dir) throws IOException {
    return new Signer(
        actorId,
        Pem.readCertificate(Files.readString(dir.resolve("cert.pem"))),
        Pem.readPrivateKey(Files.readString(dir.resolve("key.pem"))));
  }

  void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path key = dir.resolve("key.pem");
    Path tmp = dir.resolve("key.pem.tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, Pem.writePrivateKey(this.key));
    Files.writeString(dir.resolve("cert.pem"), Pem.writeCertificate(certificate));
    // the key file appears last and whole: its presence means the actor is complete
    Files.move(tmp, key, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
