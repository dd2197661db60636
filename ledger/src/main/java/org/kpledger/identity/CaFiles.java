package org.kpledger.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.kpledger.signing.EcdsaP256;

/** The on-disk form of an {@link OrganisationCa}: three small files, each replaced atomically. */
final class CaFiles {

  static final String CERTIFICATE_FILE = "ca-cert.pem";
  static final String KEY_FILE = "ca-key.pem";
  static final String CRL_NUMBER_FILE = "crl-number";

  private CaFiles() {}

  static void save(
      Path dir, X509Certificate certificate, PrivateKey key, BigInteger lastCrlNumber) {
    try {
      Files.createDirectories(dir);
      write(dir, KEY_FILE, Pem.writePrivateKey(key), true);
      write(dir, CERTIFICATE_FILE, Pem.writeCertificate(certificate), false);
      write(dir, CRL_NUMBER_FILE, lastCrlNumber + "\n", false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the CA to " + dir, e);
    }
  }

  static OrganisationCa load(Path dir) {
    try {
      X509Certificate certificate =
          Pem.readCertificate(Files.readString(dir.resolve(CERTIFICATE_FILE)));
      PrivateKey key = Pem.readPrivateKey(Files.readString(dir.resolve(KEY_FILE)));
      Path numberFile = dir.resolve(CRL_NUMBER_FILE);
      BigInteger number =
          Files.exists(numberFile)
              ? new BigInteger(Files.readString(numberFile).strip())
              : BigInteger.ZERO;
      TrustAnchors.Anchor anchor = TrustAnchors.anchorOf(certificate);
      if (!EcdsaP256.isKeyPair(certificate.getPublicKey(), key)) {
        throw new IllegalArgumentException(
            dir.resolve(KEY_FILE) + " is not the P-256 key of " + dir.resolve(CERTIFICATE_FILE));
      }
      return new OrganisationCa(anchor.organisationId(), anchor.type(), certificate, key, number);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the CA from " + dir + ": " + e, e);
    }
  }

  private static void write(Path dir, String name, String content, boolean secret)
      throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    Files.deleteIfExists(tmp);
    if (secret && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content, StandardCharsets.US_ASCII);
    try {
      Files.move(
          tmp,
          dir.resolve(name),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
