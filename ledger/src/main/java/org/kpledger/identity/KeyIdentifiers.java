package org.kpledger.identity;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Reads the key identifiers that link a certificate or CRL to the CA key that signed it (RFC 5280
 * §4.2.1.1, §4.2.1.2, §5.2.1). They only choose which CA to try first; signatures decide.
 */
final class KeyIdentifiers {

  private KeyIdentifiers() {}

  static Optional<byte[]> subjectKeyId(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (ext == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(ext))
              .getKeyIdentifier());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<byte[]> authorityKeyId(X509Certificate cert) {
    return authorityKeyId(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
  }

  static Optional<byte[]> authorityKeyId(X509CRL crl) {
    return authorityKeyId(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
  }

  private static Optional<byte[]> authorityKeyId(byte[] ext) {
    if (ext == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(ext))
              .getKeyIdentifier());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
