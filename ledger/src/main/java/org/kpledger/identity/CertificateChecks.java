package org.kpledger.identity;

import static org.kpledger.identity.IdentityRejectedException.Reason.CERTIFICATE_EXPIRED;
import static org.kpledger.identity.IdentityRejectedException.Reason.CERTIFICATE_NOT_YET_VALID;
import static org.kpledger.identity.IdentityRejectedException.Reason.MALFORMED_CERTIFICATE;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.kpledger.signing.EcdsaP256;

/**
 * The time-independent shape check and the validity-period check of {@link
 * CertificateAuthenticator}.
 */
final class CertificateChecks {

  /** basicConstraints and keyUsage: the only extensions an actor certificate may mark critical. */
  private static final Set<String> UNDERSTOOD_CRITICAL = Set.of("2.5.29.19", "2.5.29.15");

  private CertificateChecks() {}

  static void endEntity(X509Certificate cert, String cn) {
    boolean[] usage = cert.getKeyUsage();
    Set<String> critical = cert.getCriticalExtensionOIDs();
    String problem =
        cert.getVersion() != 3
            ? "is not X.509 v3"
            : cert.getBasicConstraints() >= 0
                ? "is a CA certificate, not an actor certificate"
                : usage == null || !usage[0]
                    ? "lacks keyUsage digitalSignature"
                    : !EcdsaP256.isP256(cert.getPublicKey())
                        ? "does not hold an EC P-256 key"
                        : critical != null && !UNDERSTOOD_CRITICAL.containsAll(critical)
                            ? "has an unsupported critical extension"
                            : cn == null || cn.isBlank() ? "needs exactly one non-blank CN" : null;
    if (problem != null) {
      throw new IdentityRejectedException(
          MALFORMED_CERTIFICATE, CertificateAuthenticator.describe(cert) + " " + problem);
    }
  }

  /** {@code what} names the certificate in the refusal; it is called only to refuse. */
  static void validity(Supplier<String> what, X509Certificate cert, Instant at) {
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    if (at.isBefore(notBefore)) {
      throw new IdentityRejectedException(
          CERTIFICATE_NOT_YET_VALID,
          what.get() + " is not valid before " + notBefore + " (checked at " + at + ")");
    }
    if (at.isAfter(notAfter)) {
      throw new IdentityRejectedException(
          CERTIFICATE_EXPIRED, what.get() + " expired at " + notAfter + " (checked at " + at + ")");
    }
  }
}
