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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;

/**
 * The known organisation CAs. An organisation may have several (a CA rollover keeps the old
 * certificate so that what its actors signed still verifies); all of them name the same O, OU
 * (organisation type) and country. Immutable and thread-safe.
 */
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

    /**
     * The CA's key identifier: its Subject Key Identifier extension (RFC 5280 §4.2.1.2).
     *
     * @return the key identifier, empty if the certificate carries none
     */
    public Optional<byte[]> keyIdentifier() {
      return KeyIdentifiers.subjectKeyId(certificate);
    }
  }

  private static final int KEY_CERT_SIGN = 5;

  /** Oldest first (notBefore, then DER) within each organisation. */
  private static final Comparator<Anchor> OLDEST_FIRST =
      Comparator.comparing((Anchor a) -> a.certificate().getNotBefore())
          .thenComparing(a -> HexFormat.of().formatHex(der(a.certificate())));

  private final Map<String, List<Anchor>> byOrganisation;
  private final Map<X500Principal, List<Anchor>> bySubject = new HashMap<>();

  private TrustAnchors(Map<String, List<Anchor>> byOrganisation) {
    this.byOrganisation = byOrganisation;
    byOrganisation
        .values()
        .forEach(
            list ->
                list.forEach(
                    a ->
                        bySubject
                            .computeIfAbsent(
                                a.certificate().getSubjectX500Principal(), k -> new ArrayList<>())
                            .add(a)));
  }

  /**
   * Builds the set from CA certificates. Each must be a self-signed CA certificate whose signature
   * verifies, with exactly one O and exactly one OU naming an {@link OrganisationType}. Several
   * certificates of one organisation (a CA rollover) must agree on the OU and on the country C.
   *
   * @param caCerts the CA certificates; exact duplicates are collapsed
   * @return the trust anchors
   * @throws IllegalArgumentException if a certificate is not such a CA, or two CA certificates of
   *     one organisation name different organisation types or countries
   */
  public static TrustAnchors of(Collection<X509Certificate> caCerts) {
    Map<String, List<Anchor>> anchors = new TreeMap<>();
    for (X509Certificate cert : caCerts) {
      Anchor anchor = anchorOf(cert);
      List<Anchor> known = anchors.computeIfAbsent(anchor.organisationId(), k -> new ArrayList<>());
      if (known.stream().anyMatch(a -> sameEncoding(a.certificate(), cert))) {
        continue;
      }
      for (Anchor other : known) {
        if (other.type() != anchor.type()) {
          throw new IllegalArgumentException(
              "CA certificates of organisation "
                  + anchor.organisationId()
                  + " name different organisation types ("
                  + other.type()
                  + " and "
                  + anchor.type()
                  + "); a rolled-over CA keeps the organisation's OU");
        }
        if (!other.country().equals(anchor.country())) {
          throw new IllegalArgumentException(
              "CA certificates of organisation "
                  + anchor.organisationId()
                  + " name different countries ("
                  + other.country().orElse("none")
                  + " and "
                  + anchor.country().orElse("none")
                  + "); a rolled-over CA keeps the organisation's C");
        }
      }
      known.add(anchor);
    }
    anchors.replaceAll((org, list) -> list.stream().sorted(OLDEST_FIRST).toList());
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
   * The newest CA of an organisation (latest notBefore): the one that issues now.
   *
   * @param organisationId the organisation id
   * @return its anchor, if known
   */
  public Optional<Anchor> forOrganisation(String organisationId) {
    List<Anchor> all = allFor(organisationId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * Every CA of an organisation, oldest first.
   *
   * @param organisationId the organisation id
   * @return an unmodifiable list, empty if the organisation is unknown
   */
  public List<Anchor> allFor(String organisationId) {
    return byOrganisation.getOrDefault(organisationId, List.of());
  }

  /**
   * The certificate of the newest CA of an organisation.
   *
   * @param organisationId the organisation id
   * @return its certificate, if known
   */
  public Optional<X509Certificate> certificateFor(String organisationId) {
    return forOrganisation(organisationId).map(Anchor::certificate);
  }

  /**
   * Every CA certificate of an organisation, oldest first.
   *
   * @param organisationId the organisation id
   * @return an unmodifiable list, empty if the organisation is unknown
   */
  public List<X509Certificate> certificatesFor(String organisationId) {
    return allFor(organisationId).stream().map(Anchor::certificate).toList();
  }

  /**
   * Whether this exact certificate (same DER) is one of the organisation's CAs.
   *
   * @param organisationId the organisation id
   * @param certificate the certificate
   * @return true if it is pinned here for that organisation
   */
  public boolean contains(String organisationId, X509Certificate certificate) {
    return allFor(organisationId).stream()
        .anyMatch(a -> sameEncoding(a.certificate(), certificate));
  }

  /**
   * All anchors, ordered by organisation id, then oldest first.
   *
   * @return an unmodifiable list
   */
  public List<Anchor> anchors() {
    return byOrganisation.values().stream().flatMap(List::stream).toList();
  }

  /**
   * All known organisation ids, in order.
   *
   * @return an unmodifiable set
   */
  public Set<String> organisationIds() {
    return Collections.unmodifiableSet(byOrganisation.keySet());
  }

  /**
   * The CAs that may have issued something naming {@code issuer} with authority key id {@code
   * keyId}: every CA whose subject is {@code issuer}, those whose Subject Key Identifier equals
   * {@code keyId} first. The key id only orders the candidates; the caller must still verify the
   * signature with each, so a CA is never chosen by a key id alone.
   */
  List<Anchor> candidatesFor(X500Principal issuer, Optional<byte[]> keyId) {
    List<Anchor> all = bySubject.getOrDefault(issuer, List.of());
    if (keyId.isEmpty() || all.size() < 2) {
      return all;
    }
    List<Anchor> ordered = new ArrayList<>();
    all.stream()
        .filter(a -> a.keyIdentifier().map(k -> Arrays.equals(k, keyId.get())).orElse(false))
        .forEach(ordered::add);
    all.stream().filter(a -> !ordered.contains(a)).forEach(ordered::add);
    return ordered;
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
    return Arrays.equals(der(a), der(b));
  }

  private static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (CertificateEncodingException e) {
      return new byte[0];
    }
  }
}
