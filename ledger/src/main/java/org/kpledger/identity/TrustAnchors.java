package org.kpledger.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;

/** The known organisation CAs, one per organisation id. Immutable and thread-safe. */
public final class TrustAnchors {

  /**
   * One organisation CA.
   *
   * @param organisationId the CA subject's O
   * @param type the CA subject's OU
   * @param certificate the CA's self-signed certificate
   */
  public record Anchor(String organisationId, OrganisationType type, X509Certificate certificate) {

    /**
     * The country the organisation is bound to: the CA subject's C (ISO 3166-1 alpha-2), fixed when
     * the CA was made and enrolled; an importing authority confirms receipt only for this country.
     *
     * @return the country code, empty if the CA names none
     */
    public Optional<String> country() {
      return Optional.ofNullable(DistinguishedNames.c(certificate.getSubjectX500Principal()));
    }
  }

  private static final int KEY_CERT_SIGN = 5;

  private final Map<String, Anchor> byOrganisation;
  private final Map<X500Principal, Anchor> bySubject = new HashMap<>();

  private TrustAnchors(Map<String, Anchor> byOrganisation) {
    this.byOrganisation = byOrganisation;
    byOrganisation
        .values()
        .forEach(a -> bySubject.put(a.certificate().getSubjectX500Principal(), a));
  }

  /**
   * Builds the set from CA certificates. Each must be a self-signed CA certificate whose signature
   * verifies, with exactly one O and exactly one OU naming an {@link OrganisationType}.
   *
   * @param caCerts the CA certificates; exact duplicates are collapsed
   * @return the trust anchors
   * @throws IllegalArgumentException if a certificate is not such a CA, or two differ for one
   *     organisation
   */
  public static TrustAnchors of(Collection<X509Certificate> caCerts) {
    Map<String, Anchor> anchors = new TreeMap<>();
    for (X509Certificate cert : caCerts) {
      Anchor anchor = anchorOf(cert);
      Anchor previous = anchors.putIfAbsent(anchor.organisationId(), anchor);
      if (previous != null && !sameEncoding(previous.certificate(), cert)) {
        throw new IllegalArgumentException(
            "two different CA certificates for organisation " + anchor.organisationId());
      }
    }
    return new TrustAnchors(anchors);
  }

  /**
   * Reads every certificate from the {@code *.pem} files directly in a directory (other PEM blocks,
   * such as keys, are ignored) and builds the set as {@link #of(Collection)} does.
   *
   * @param dir the directory
   * @return the trust anchors
   */
  public static TrustAnchors loadDirectory(Path dir) {
    List<X509Certificate> certs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().endsWith(".pem"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        certs.addAll(Pem.readCertificates(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trust anchors from " + dir, e);
    }
    return of(certs);
  }

  /**
   * The CA of an organisation.
   *
   * @param organisationId the organisation id
   * @return its anchor, if known
   */
  public Optional<Anchor> forOrganisation(String organisationId) {
    return Optional.ofNullable(byOrganisation.get(organisationId));
  }

  /**
   * The CA certificate of an organisation.
   *
   * @param organisationId the organisation id
   * @return its certificate, if known
   */
  public Optional<X509Certificate> certificateFor(String organisationId) {
    return forOrganisation(organisationId).map(Anchor::certificate);
  }

  /**
   * All anchors, ordered by organisation id.
   *
   * @return an unmodifiable list
   */
  public List<Anchor> anchors() {
    return List.copyOf(byOrganisation.values());
  }

  /**
   * All known organisation ids, in order.
   *
   * @return an unmodifiable set
   */
  public Set<String> organisationIds() {
    return Collections.unmodifiableSet(byOrganisation.keySet());
  }

  Optional<Anchor> bySubject(X500Principal subject) {
    return Optional.ofNullable(bySubject.get(subject));
  }

  static Anchor anchorOf(X509Certificate cert) {
    String subject = cert.getSubjectX500Principal().getName();
    boolean[] usage = cert.getKeyUsage();
    if (cert.getBasicConstraints() < 0
        || (usage != null && (usage.length <= KEY_CERT_SIGN || !usage[KEY_CERT_SIGN]))) {
      throw new IllegalArgumentException(
          subject + " is not a CA certificate (basicConstraints CA, keyCertSign)");
    }
    if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      throw new IllegalArgumentException(subject + " is not self-signed");
    }
    try {
      cert.verify(cert.getPublicKey(), Bc.PROVIDER);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(subject + ": self-signature does not verify", e);
    }
    String o = DistinguishedNames.o(cert.getSubjectX500Principal());
    String ou = DistinguishedNames.ou(cert.getSubjectX500Principal());
    if (o == null
        || ou == null
        || Arrays.stream(OrganisationType.values()).noneMatch(t -> t.name().equals(ou))) {
      throw new IllegalArgumentException(
          subject + " needs exactly one O and one OU naming an OrganisationType");
    }
    return new Anchor(o, OrganisationType.valueOf(ou), cert);
  }

  private static boolean sameEncoding(X509Certificate a, X509Certificate b) {
    try {
      return Arrays.equals(a.getEncoded(), b.getEncoded());
    } catch (CertificateEncodingException e) {
      return false;
    }
  }
}
