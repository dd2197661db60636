package org.kpledger.identity;

import static org.kpledger.identity.IdentityRejectedException.Reason.BAD_CRL_SIGNATURE;
import static org.kpledger.identity.IdentityRejectedException.Reason.CERTIFICATE_REVOKED;
import static org.kpledger.identity.IdentityRejectedException.Reason.MALFORMED_CRL;
import static org.kpledger.identity.IdentityRejectedException.Reason.STALE_CRL;
import static org.kpledger.identity.IdentityRejectedException.Reason.UNKNOWN_ISSUER;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.kpledger.identity.TrustAnchors.Anchor;

/**
 * The newest CRL of each organisation CA, replaced atomically (RFC 5280 §5, full CRLs only). An
 * organisation with several CAs (a rollover) has one CRL per CA, each applying to the certificates
 * that CA issued.
 */
final class RevocationLists {

  private static final int CRL_SIGN = 6;

  private record Latest(BigInteger number, Map<BigInteger, Instant> revoked, byte[] der) {}

  private final TrustAnchors anchors;
  private final ConcurrentHashMap<Anchor, Latest> latest = new ConcurrentHashMap<>();

  RevocationLists(TrustAnchors anchors) {
    this.anchors = anchors;
  }

  void checkNotRevoked(Anchor ca, BigInteger serial, Instant at) {
    String organisationId = ca.organisationId();
    Latest crl = latest.get(ca);
    Instant revokedAt = crl == null ? null : crl.revoked().get(serial);
    if (revokedAt != null && !revokedAt.isAfter(at)) {
      throw new IdentityRejectedException(
          CERTIFICATE_REVOKED,
          "serial "
              + serial.toString(16)
              + " of '"
              + organisationId
              + "' revoked at "
              + revokedAt
              + " (CRL number "
              + crl.number()
              + ", checked at "
              + at
              + ")");
    }
  }

  Optional<BigInteger> number(String organisationId) {
    return latest.entrySet().stream()
        .filter(e -> e.getKey().organisationId().equals(organisationId))
        .map(e -> e.getValue().number())
        .max(BigInteger::compareTo);
  }

  void ingest(X509CRL crl) {
    Objects.requireNonNull(crl, "crl");
    List<Anchor> candidates =
        anchors.candidatesFor(crl.getIssuerX500Principal(), KeyIdentifiers.authorityKeyId(crl));
    if (candidates.isEmpty()) {
      throw new IdentityRejectedException(
          UNKNOWN_ISSUER,
          "CRL issuer '" + crl.getIssuerX500Principal().getName() + "' is not a known CA");
    }
    if (!CertificateAuthenticator.SIGNATURE_ALGORITHMS.contains(crl.getSigAlgOID())) {
      throw new IdentityRejectedException(
          BAD_CRL_SIGNATURE, "unsupported CRL signature algorithm " + crl.getSigAlgName());
    }
    Anchor ca = null;
    Exception failure = null;
    for (Anchor candidate : candidates) {
      try {
        crl.verify(candidate.certificate().getPublicKey(), Bc.PROVIDER);
        ca = candidate;
        break;
      } catch (GeneralSecurityException | RuntimeException e) {
        failure = e;
      }
    }
    String org = candidates.get(0).organisationId();
    if (ca == null) {
      throw new IdentityRejectedException(
          BAD_CRL_SIGNATURE,
          "CRL signature does not verify with the key of "
              + (candidates.size() == 1 ? "CA '" + org + "'" : "any CA of '" + org + "'"),
          failure);
    }
    boolean[] usage = ca.certificate().getKeyUsage();
    if (usage != null && (usage.length <= CRL_SIGN || !usage[CRL_SIGN])) {
      throw new IdentityRejectedException(
          BAD_CRL_SIGNATURE, "CA '" + ca.organisationId() + "' may not sign CRLs");
    }
    Latest next = parse(crl, ca.organisationId());
    latest.compute(
        ca,
        (signer, current) -> {
          if (current == null || next.number().compareTo(current.number()) > 0) {
            return next;
          }
          if (next.number().equals(current.number()) && Arrays.equals(next.der(), current.der())) {
            return current;
          }
          throw new IdentityRejectedException(
              STALE_CRL,
              "CRL number "
                  + next.number()
                  + " of '"
                  + signer.organisationId()
                  + "' is not newer than the ingested "
                  + current.number());
        });
  }

  private static Latest parse(X509CRL crl, String organisationId) {
    if (crl.getCriticalExtensionOIDs() != null && !crl.getCriticalExtensionOIDs().isEmpty()) {
      throw malformed(
          organisationId, "has critical extensions (delta or partitioned CRLs are not supported)");
    }
    byte[] numberExtension = crl.getExtensionValue(Extension.cRLNumber.getId());
    if (numberExtension == null) {
      throw malformed(organisationId, "has no CRL number");
    }
    Map<BigInteger, Instant> revoked = new HashMap<>();
    try {
      BigInteger number =
          ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(numberExtension))
              .getValue();
      if (crl.getRevokedCertificates() != null) {
        for (X509CRLEntry entry : crl.getRevokedCertificates()) {
          if (entry.getCertificateIssuer() != null
              || (entry.getCriticalExtensionOIDs() != null
                  && !entry.getCriticalExtensionOIDs().isEmpty())) {
            throw malformed(organisationId, "is indirect or has critical entry extensions");
          }
          revoked.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant());
        }
      }
      return new Latest(number, Map.copyOf(revoked), crl.getEncoded());
    } catch (IOException | CRLException | IllegalArgumentException e) {
      throw new IdentityRejectedException(
          MALFORMED_CRL, "CRL of '" + organisationId + "' cannot be read", e);
    }
  }

  private static IdentityRejectedException malformed(String organisationId, String problem) {
    return new IdentityRejectedException(
        MALFORMED_CRL, "CRL of '" + organisationId + "' " + problem);
  }
}
