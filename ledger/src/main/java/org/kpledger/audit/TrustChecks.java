package org.kpledger.audit;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kpledger.audit.AuditBundle.CaCertificate;
import org.kpledger.audit.AuditBundle.RevocationList;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.IdentityRejectedException;
import org.kpledger.identity.TrustAnchors;

/**
 * Sets up who is trusted: the caller's pinned organisation CAs (or, failing those, the bundle's,
 * with a note), reports each bundle CA certificate that is not one of the pinned CAs of its
 * organisation (an organisation may have several after a rollover), and ingests the bundle's CRLs
 * (RFC 5280 §5) after checking each against the pinned CA of its issuer.
 */
final class TrustChecks {

  private TrustChecks() {}

  static CertificateAuthenticator authenticator(
      AuditBundle bundle, Optional<TrustAnchors> pinned, Findings findings, List<String> notes) {
    List<X509Certificate> supplied = new ArrayList<>();
    for (CaCertificate c : bundle.certificates()) {
      try {
        supplied.add(parse(c.der()));
      } catch (Exception e) {
        findings.add(
            Rule.BUNDLE_MALFORMED,
            "organisation:" + c.organisationId(),
            "CA certificate cannot be read: " + e.getMessage());
      }
    }
    TrustAnchors anchors;
    if (pinned.isPresent()) {
      anchors = pinned.get();
      compare(bundle.certificates(), anchors, findings);
    } else {
      notes.add(
          "no trust directory given: the organisation CAs were taken from the bundle itself,"
              + " so a forged bundle could bring its own");
      try {
        anchors = TrustAnchors.of(supplied);
      } catch (IllegalArgumentException e) {
        findings.add(Rule.BUNDLE_MALFORMED, "bundle:" + AuditBundle.CERTIFICATES, e.getMessage());
        anchors = TrustAnchors.of(List.of());
      }
    }
    CertificateAuthenticator authenticator = new CertificateAuthenticator(anchors);
    List<RevocationList> crls = new ArrayList<>(bundle.crls());
    crls.sort(
        Comparator.comparing(RevocationList::organisationId)
            .thenComparingLong(RevocationList::crlNumber));
    for (RevocationList r : crls) {
      String subject = "crl:" + r.organisationId() + "#" + r.crlNumber();
      try {
        X509CRL crl =
            (X509CRL)
                CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(r.der()));
        authenticator.ingestRevocationList(crl);
      } catch (IdentityRejectedException e) {
        findings.add(Rule.CRL_INVALID, subject, e.getMessage());
      } catch (Exception e) {
        findings.add(Rule.CRL_INVALID, subject, "not a DER X.509 CRL: " + e.getMessage());
      }
    }
    return authenticator;
  }

  /** Each bundle CA certificate must be one of the pinned CAs of its organisation (by DER). */
  private static void compare(List<CaCertificate> supplied, TrustAnchors pinned, Findings f) {
    for (CaCertificate c : supplied) {
      String subject = "organisation:" + c.organisationId();
      List<X509Certificate> mine = pinned.certificatesFor(c.organisationId());
      if (mine.isEmpty()) {
        f.add(
            Rule.TRUST_ANCHOR_MISMATCH,
            subject,
            "the bundle brings a CA for an organisation you did not pin");
      } else if (mine.stream().noneMatch(m -> Arrays.equals(encoded(m), c.der()))) {
        f.add(
            Rule.TRUST_ANCHOR_MISMATCH,
            subject,
            "the bundle's CA certificate "
                + fingerprint(c.der())
                + " is none of the "
                + mine.size()
                + " pinned for this organisation");
      }
    }
  }

  private static String fingerprint(byte[] der) {
    try {
      return "SHA-256:"
          + java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der))
              .substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate parse(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (Exception e) {
      return new byte[0];
    }
  }
}
