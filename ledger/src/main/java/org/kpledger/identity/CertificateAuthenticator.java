package org.kpledger.identity;

import static org.kpledger.identity.IdentityRejectedException.Reason.BAD_CERTIFICATE_SIGNATURE;
import static org.kpledger.identity.IdentityRejectedException.Reason.MALFORMED_CERTIFICATE;
import static org.kpledger.identity.IdentityRejectedException.Reason.ORGANISATION_MISMATCH;
import static org.kpledger.identity.IdentityRejectedException.Reason.UNKNOWN_ISSUER;
import static org.kpledger.identity.IdentityRejectedException.Reason.UNKNOWN_ROLE;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kpledger.identity.TrustAnchors.Anchor;

/**
 * Decides who signed: checks an actor certificate against the organisation CAs and their latest
 * CRLs, at a given instant. Thread-safe; signature checks are cached by DER hash (bounded LRU).
 */
public final class CertificateAuthenticator {

  /** ecdsa-with-SHA256, -SHA384, -SHA512 (RFC 5758 §3.2). */
  static final Set<String> SIGNATURE_ALGORITHMS =
      Set.of("1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");

  /**
   * Parsed certificates by the exact base64 text they were given as: a signer sends the same text
   * in every envelope, so a known certificate is found without decoding or hashing it again (the
   * text determines the DER; a certificate given in another spelling is parsed once more).
   */
  private static final BoundedCache<String, X509Certificate> PARSED = new BoundedCache<>(4096);

  private final TrustAnchors anchors;
  private final BoundedCache<String, Anchor> verified = new BoundedCache<>(10_000);

  /**
   * {@link Subject}s by certificate: {@link X509Certificate#equals} compares the DER encodings and
   * its hash code is kept in the certificate, so a certificate from {@link #parseCertificate} (the
   * same instance for the same DER) is found without encoding or hashing it again.
   */
  private final BoundedCache<X509Certificate, Subject> subjects = new BoundedCache<>(10_000);

  private final RevocationLists revocations;

  /**
   * Creates an authenticator with no CRLs ingested yet.
   *
   * @param anchors the known organisation CAs
   */
  public CertificateAuthenticator(TrustAnchors anchors) {
    this.anchors = Objects.requireNonNull(anchors, "anchors");
    this.revocations = new RevocationLists(anchors);
  }

  /**
   * Authenticates an actor certificate at an instant. Checks, in order: issued by a known
   * organisation CA whose key verifies its signature (of an organisation with several CAs, the one
   * its Authority Key Identifier names is tried first, then the others of the issuer's subject;
   * only a signature that verifies chooses the CA); a P-256 end-entity signing certificate with one
   * CN; the CA and the certificate valid at {@code at} (bounds inclusive); not revoked at {@code
   * at} by the newest ingested CRL of that same CA; subject O equal to the CA's; OU naming a {@link
   * Role}.
   *
   * @param cert the actor certificate
   * @param at the instant the identity is claimed for, normally the command's issue time
   * @return the authenticated identity
   * @throws IdentityRejectedException with the reason of the first failed check
   */
  public ActorIdentity authenticate(X509Certificate cert, Instant at) {
    Objects.requireNonNull(at, "at");
    if (cert == null) {
      throw new IdentityRejectedException(MALFORMED_CERTIFICATE, "no certificate given");
    }
    Subject subject = subject(cert);
    Anchor ca = subject.ca();
    CertificateChecks.validity(() -> "issuing CA " + ca.organisationId(), ca.certificate(), at);
    CertificateChecks.validity(() -> "certificate " + describe(cert), cert, at);
    revocations.checkNotRevoked(ca, subject.serial(), at);
    String o = subject.o();
    if (!ca.organisationId().equals(o)) {
      throw new IdentityRejectedException(
          ORGANISATION_MISMATCH,
          "subject O "
              + (o == null ? "(none or several)" : "'" + o + "'")
              + " of "
              + describe(cert)
              + " is not the issuing CA's '"
              + ca.organisationId()
              + "'");
    }
    if (subject.role() == null) {
      String ou = subject.ou();
      throw new IdentityRejectedException(
          UNKNOWN_ROLE,
          "subject OU "
              + (ou == null ? "(none or several)" : "'" + ou + "'")
              + " of "
              + describe(cert)
              + " is not a known role");
    }
    return new ActorIdentity(subject.cn(), o, ca.type(), subject.role(), subject.serial(), cert);
  }

  /**
   * What {@link #authenticate} decides from the certificate and the anchors alone: the CA whose key
   * verifies its signature, its end-entity shape, and the names in its subject. A pure function of
   * the certificate's DER and this authenticator's anchors (both immutable), so it is worked out
   * once per certificate; the validity periods and revocation, which depend on the instant and on
   * the CRLs ingested, are checked on every call. A certificate that fails here is not remembered.
   */
  private Subject subject(X509Certificate cert) {
    Subject known = subjects.get(cert);
    if (known != null) {
      return known;
    }
    Anchor ca = verifiedIssuer(cert);
    String cn = DistinguishedNames.cn(cert.getSubjectX500Principal());
    CertificateChecks.endEntity(cert, cn);
    String ou = DistinguishedNames.ou(cert.getSubjectX500Principal());
    Subject subject =
        new Subject(
            ca,
            cn,
            DistinguishedNames.o(cert.getSubjectX500Principal()),
            ou,
            Arrays.stream(Role.values()).filter(r -> r.name().equals(ou)).findFirst().orElse(null),
            cert.getSerialNumber());
    subjects.put(cert, subject);
    return subject;
  }

  /**
   * The time-independent part of an actor certificate's authentication.
   *
   * @param ca the organisation CA whose key verified the certificate's signature
   * @param cn the subject CN, the actor id
   * @param o the subject O, null when absent or repeated
   * @param ou the subject OU, null when absent or repeated
   * @param role the role the OU names, null when it names none
   * @param serial the certificate's serial number
   */
  private record Subject(Anchor ca, String cn, String o, String ou, Role role, BigInteger serial) {}

  /**
   * Ingests a CRL: its issuer must be a known CA allowed to sign CRLs and its signature must verify
   * with that CA's key (the CRL then applies to that CA's certificates only); it must carry a CRL
   * number higher than the one of that CA's current CRL (re-ingesting the identical CRL is a no-op)
   * and use no delta, indirect or critical-extension features.
   *
   * @param crl the CRL
   * @throws IdentityRejectedException {@code UNKNOWN_ISSUER}, {@code BAD_CRL_SIGNATURE}, {@code
   *     STALE_CRL} or {@code MALFORMED_CRL}
   */
  public void ingestRevocationList(X509CRL crl) {
    revocations.ingest(crl);
  }

  /**
   * The highest number of the CRLs ingested for an organisation, over all its CAs.
   *
   * @param organisationId the organisation id
   * @return the CRL number, empty if none was ingested
   */
  public Optional<BigInteger> crlNumber(String organisationId) {
    return revocations.number(organisationId);
  }

  /**
   * The trust anchors this authenticator checks against.
   *
   * @return the anchors
   */
  public TrustAnchors trustAnchors() {
    return anchors;
  }

  /**
   * Parses a certificate from standard base64 of its DER (as in an envelope's {@code
   * signerCertificate}). Parsed certificates are cached by their base64 text (bounded).
   *
   * @param base64Der standard base64 of exactly one DER certificate, no trailing bytes
   * @return the certificate
   * @throws IdentityRejectedException {@code MALFORMED_CERTIFICATE} on anything else
   */
  public static X509Certificate parseCertificate(String base64Der) {
    if (base64Der == null) {
      throw new IdentityRejectedException(MALFORMED_CERTIFICATE, "no certificate given");
    }
    X509Certificate cert = PARSED.get(base64Der);
    if (cert != null) {
      return cert;
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64Der);
    } catch (IllegalArgumentException e) {
      throw new IdentityRejectedException(
          MALFORMED_CERTIFICATE, "certificate is not standard base64", e);
    }
    try {
      cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new IdentityRejectedException(MALFORMED_CERTIFICATE, "not a DER X.509 certificate", e);
    }
    if (!Arrays.equals(encoded(cert), der)) {
      throw new IdentityRejectedException(
          MALFORMED_CERTIFICATE, "extra bytes around the DER certificate");
    }
    PARSED.put(base64Der, cert);
    return cert;
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IdentityRejectedException(
          MALFORMED_CERTIFICATE, "certificate cannot be encoded", e);
    }
  }

  private Anchor verifiedIssuer(X509Certificate cert) {
    String key = BoundedCache.derKey(encoded(cert));
    Anchor cached = verified.get(key);
    if (cached != null) {
      return cached;
    }
    List<Anchor> candidates =
        anchors.candidatesFor(cert.getIssuerX500Principal(), KeyIdentifiers.authorityKeyId(cert));
    if (candidates.isEmpty()) {
      throw new IdentityRejectedException(
          UNKNOWN_ISSUER,
          "issuer '"
              + cert.getIssuerX500Principal().getName()
              + "' is not a known organisation CA");
    }
    if (!SIGNATURE_ALGORITHMS.contains(cert.getSigAlgOID())) {
      throw new IdentityRejectedException(
          BAD_CERTIFICATE_SIGNATURE,
          "unsupported signature algorithm " + cert.getSigAlgName() + " on " + describe(cert));
    }
    Anchor ca = null;
    Exception failure = null;
    for (Anchor candidate : candidates) {
      try {
        cert.verify(candidate.certificate().getPublicKey(), Bc.PROVIDER);
        ca = candidate;
        break;
      } catch (GeneralSecurityException | RuntimeException e) {
        failure = e;
      }
    }
    if (ca == null) {
      throw new IdentityRejectedException(
          BAD_CERTIFICATE_SIGNATURE,
          "signature on "
              + describe(cert)
              + " does not verify with the key of "
              + (candidates.size() == 1
                  ? "CA '" + candidates.get(0).organisationId() + "'"
                  : "any of the "
                      + candidates.size()
                      + " CAs of '"
                      + candidates.get(0).organisationId()
                      + "'"),
          failure);
    }
    verified.put(key, ca);
    return ca;
  }

  static String describe(X509Certificate cert) {
    return "'"
        + cert.getSubjectX500Principal().getName()
        + "' (serial "
        + cert.getSerialNumber().toString(16)
        + ")";
  }
}
