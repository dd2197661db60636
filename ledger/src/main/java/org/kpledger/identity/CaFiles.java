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

/**
 * The on-disk form of an {@link OrganisationCa}: three small files, each replaced atomically; after
 * a rollover also the retired certificates and keys, {@code ca-cert-<n>.pem} and {@code
 * ca-key-<n>.pem}.
 */
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
    return load(dir, CERTIFICATE_FILE, KEY_FILE);
  }

  static OrganisationCa load(Path dir, int generation) {
    return load(dir, retired(CERTIFICATE_FILE, generation), retired(KEY_FILE, generation));
  }

  /**
   * Keeps the current certificate and key under the first free {@code -<n>} name; the CRL counter
   * stays shared.
   */
  static void retire(Path dir) {
    int n = 1;
    while (Files.exists(dir.resolve(retired(CERTIFICATE_FILE, n)))
        || Files.exists(dir.resolve(retired(KEY_FILE, n)))) {
      n++;
    }
    try {
      write(dir, retired(KEY_FILE, n), Files.readString(dir.resolve(KEY_FILE)), true);
      write(
          dir,
          retired(CERTIFICATE_FILE, n),
          Files.readString(dir.resolve(CERTIFICATE_FILE)),
          false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the old CA in " + dir, e);
    }
  }

  private static String retired(String name, int generation) {
    if (generation < 1) {
      throw new IllegalArgumentException("a retired CA generation is 1 or more");
    }
    return name.replace(".pem", "-" + generation + ".pem");
  }

  private static OrganisationCa load(Path dir, String certificateFile, String keyFile) {
    try {
      X509Certificate certificate =
          Pem.readCertificate(Files.readString(dir.resolve(certificateFile)));
      PrivateKey key = Pem.readPrivateKey(Files.readString(dir.resolve(keyFile)));
      Path numberFile = dir.resolve(CRL_NUMBER_FILE);
      BigInteger number =
          Files.exists(numberFile)
              ? new BigInteger(Files.readString(numberFile).strip())
              : BigInteger.ZERO;
      TrustAnchors.Anchor anchor = TrustAnchors.anchorOf(certificate);
      if (!EcdsaP256.isKeyPair(certificate.getPublicKey(), key)) {
        throw new IllegalArgumentException(
            dir.resolve(keyFile) + " is not the P-256 key of " + dir.resolve(certificateFile));
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
