package org.kpledger.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.kpledger.identity.Pem;

/**
 * An actor of the world: its certificate, issued by its organisation's CA, and its private key,
 * kept in the actor's own directory ({@code cert.pem}, and {@code key.pem} readable by the owner
 * only).
 */
public record ActorCredentials(String actorId, X509Certificate certificate, PrivateKey key) {
  /** The certificate's file in an actor's directory. */
  public static final String CERT = "cert.pem";

  /** The private key's file in an actor's directory. */
  public static final String KEY = "key.pem";

  /** Whether {@code dir} holds a complete actor: its key file is written last. */
  static boolean isIn(Path dir) {
    return Files.exists(dir.resolve(KEY));
  }

  /** Reads the actor kept in {@code dir}. */
  static ActorCredentials load(String actorId, Path dir) throws IOException {
    return new ActorCredentials(
        actorId,
        Pem.readCertificate(Files.readString(dir.resolve(CERT))),
        Pem.readPrivateKey(Files.readString(dir.resolve(KEY))));
  }

  /**
   * Keeps the actor in {@code dir}: the certificate, then the key, written aside with owner-only
   * permissions and renamed, so that the key file appears last and whole and an interrupted run
   * never leaves half an actor behind.
   */
  void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(KEY + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, Pem.writePrivateKey(key));
    Files.writeString(dir.resolve(CERT), Pem.writeCertificate(certificate));
    Files.move(tmp, dir.resolve(KEY), StandardCopyOption.ATOMIC_MOVE);
  }
}
