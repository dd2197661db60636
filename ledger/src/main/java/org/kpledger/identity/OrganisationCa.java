package org.kpledger.identity;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.kpledger.signing.EcdsaP256;

/**
 * One organisation's certificate authority: a self-signed ECDSA P-256 CA that issues actor
 * certificates and CRLs, all with low-S signatures. Instants are truncated to whole seconds, the
 * precision of X.509 times. Thread-safe.
 */
public final class OrganisationCa {

  private final String organisationId;
  private final OrganisationType type;
  private final X509Certificate certificate;
  private final PrivateKey key;
  private BigInteger lastCrlNumber;

  OrganisationCa(
      String organisationId,
      OrganisationType type,
      X509Certificate certificate,
      PrivateKey key,
      BigInteger lastCrlNumber) {
    this.organisationId = organisationId;
    this.type = type;
    this.certificate = certificate;
    this.key = key;
    this.lastCrlNumber = lastCrlNumber;
  }

  /**
   * Creates a new CA with a fresh key, subject {@code CN=<displayName> CA, O=<organisationId>,
   * OU=<type>}, naming no country.
   *
   * @param organisationId the organisation's id (1-64 of letters, digits, {@code . _ : @ -})
   * @param type the organisation's type
   * @param displayName a human-readable name, at most 61 characters
   * @param notBefore start of validity
   * @param notAfter end of validity, after {@code notBefore}
   * @return the CA
   * @throws IllegalArgumentException if an argument breaks these rules
   */
  public static OrganisationCa create(
      String organisationId,
      OrganisationType type,
      String displayName,
      Instant notBefore,
      Instant notAfter) {
    return create(organisationId, type, displayName, null, notBefore, notAfter);
  }

  /**
   * Creates a new CA with a fresh key, subject {@code CN=<displayName> CA, O=<organisationId>,
   * OU=<type>, C=<country>}. The country binds the organisation to a KP participant: the
   * certificate registry lets only an importing authority whose CA names the certificate's
   * destination country confirm its receipt, so it is fixed here, when the CA (the channel's trust
   * root for this organisation) is made, and cannot be claimed later by an actor.
   *
   * @param organisationId the organisation's id (1-64 of letters, digits, {@code . _ : @ -})
   * @param type the organisation's type
   * @param displayName a human-readable name, at most 61 characters
   * @param country ISO 3166-1 alpha-2 code of the participant, or null for none (the Monitoring
   *     Team, an auditor)
   * @param notBefore start of validity
   * @param notAfter end of validity, after {@code notBefore}
   * @return the CA
   * @throws IllegalArgumentException if an argument breaks these rules
   */
  public static OrganisationCa create(
      String organisationId,
      OrganisationType type,
      String displayName,
      String country,
      Instant notBefore,
      Instant notAfter) {
    DistinguishedNames.requireId("organisationId", organisationId);
    DistinguishedNames.requireCountry(country);
    Objects.requireNonNull(type, "type");
    String cn = Objects.requireNonNull(displayName, "displayName").strip() + " CA";
    if (displayName.isBlank() || cn.length() > DistinguishedNames.MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException("displayName must be 1-61 characters, not blank");
    }
    Instant from = seconds(notBefore);
    Instant to = seconds(notAfter);
    requireOrder(from, to);
    KeyPair keys = EcdsaP256.generateKeyPair();
    X509Certificate cert =
        CertificateBuilders.selfSignedCa(
            DistinguishedNames.of(cn, organisationId, type.name(), country),
            keys.getPublic(),
            keys.getPrivate(),
            from,
            to);
    return new OrganisationCa(organisationId, type, cert, keys.getPrivate(), BigInteger.ZERO);
  }

  /**
   * Issues an end-entity certificate {@code CN=<actorId>, O=<organisationId>, OU=<role>} with
   * keyUsage digitalSignature and a random positive 128-bit serial.
   *
   * @param actorId the actor's id (same character rules as organisation ids)
   * @param role the actor's role
   * @param actorKey the actor's P-256 public key
   * @param notBefore start of validity, not before the CA's
   * @param notAfter end of validity, not after the CA's
   * @return the certificate
   * @throws IllegalArgumentException if an argument breaks these rules
   */
  public X509Certificate issueActorCertificate(
      String actorId, Role role, PublicKey actorKey, Instant notBefore, Instant notAfter) {
    DistinguishedNames.requireId("actorId", actorId);
    Objects.requireNonNull(role, "role");
    if (!EcdsaP256.isP256(actorKey)) {
      throw new IllegalArgumentException("actor key must be an EC P-256 public key");
    }
    Instant from = seconds(notBefore);
    Instant to = seconds(notAfter);
    requireOrder(from, to);
    if (from.isBefore(certificate.getNotBefore().toInstant())
        || to.isAfter(certificate.getNotAfter().toInstant())) {
      throw new IllegalArgumentException(
          "actor validity must lie within the CA's validity "
              + certificate.getNotBefore().toInstant()
              + " .. "
              + certificate.getNotAfter().toInstant());
    }
    return CertificateBuilders.endEntity(
        certificate,
        key,
        DistinguishedNames.of(actorId, organisationId, role.name()),
        actorKey,
        from,
        to);
  }

  /**
   * Issues a TLS server certificate for a ledger node, {@code CN=<nodeId>, O=<organisationId>,
   * OU=LEDGER_NODE}, with keyUsage digitalSignature, extendedKeyUsage serverAuth only (so the key
   * cannot pass for a TLS client) and the node's DNS names and IP addresses as subjectAltName,
   * which TLS clients match the host they called against (RFC 6125 §6.4). Clients that pin the
   * organisation's CA certificate then reach the node without any public CA.
   *
   * @param nodeId the node's name (same character rules as actor ids)
   * @param dnsNames the DNS names the node is reached by, e.g. {@code localhost}
   * @param ipAddresses the IP addresses it is reached by, e.g. {@code 127.0.0.1}
   * @param nodeKey the TLS key's public half, EC P-256
   * @param notBefore start of validity, not before the CA's
   * @param notAfter end of validity, not after the CA's
   * @return the certificate
   * @throws IllegalArgumentException if an argument breaks these rules or names no host
   */
  public X509Certificate issueTlsServerCertificate(
      String nodeId,
      java.util.List<String> dnsNames,
      java.util.List<String> ipAddresses,
      PublicKey nodeKey,
      Instant notBefore,
      Instant notAfter) {
    DistinguishedNames.requireId("nodeId", nodeId);
    if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
      throw new IllegalArgumentException("a TLS server certificate names at least one host");
    }
    if (!EcdsaP256.isP256(nodeKey)) {
      throw new IllegalArgumentException("node key must be an EC P-256 public key");
    }
    Instant from = seconds(notBefore);
    Instant to = seconds(notAfter);
    requireOrder(from, to);
    if (from.isBefore(certificate.getNotBefore().toInstant())
        || to.isAfter(certificate.getNotAfter().toInstant())) {
      throw new IllegalArgumentException(
          "the certificate's validity must lie within the CA's validity "
              + certificate.getNotBefore().toInstant()
              + " .. "
              + certificate.getNotAfter().toInstant());
    }
    return CertificateBuilders.tlsServer(
        certificate,
        key,
        DistinguishedNames.of(nodeId, organisationId, Role.LEDGER_NODE.name()),
        nodeKey,
        dnsNames,
        ipAddresses,
        from,
        to);
  }

  /**
   * Issues a CRL. Its CRL number is greater than any this CA issued before and at least {@code
   * thisUpdate}'s epoch second, so numbers keep rising even across a restored backup. Call {@link
   * #save(Path)} afterwards to persist the counter.
   *
   * @param revoked serial number to revocation date; each date at or before {@code thisUpdate}
   * @param thisUpdate issue time of the CRL
   * @param nextUpdate when the next CRL is due, after {@code thisUpdate}
   * @return the signed CRL
   */
  public synchronized X509CRL issueRevocationList(
      Map<BigInteger, Instant> revoked, Instant thisUpdate, Instant nextUpdate) {
    Instant from = seconds(thisUpdate);
    Instant to = seconds(nextUpdate);
    requireOrder(from, to);
    Map<BigInteger, Instant> entries = new TreeMap<>();
    revoked.forEach(
        (serial, at) -> {
          if (serial.signum() <= 0 || at.isAfter(thisUpdate)) {
            throw new IllegalArgumentException(
                "serial "
                    + serial
                    + ": serials must be positive and revocation dates not after thisUpdate");
          }
          entries.put(serial, seconds(at));
        });
    BigInteger number =
        lastCrlNumber.add(BigInteger.ONE).max(BigInteger.valueOf(from.getEpochSecond()));
    X509CRL crl = CertificateBuilders.crl(certificate, key, entries, number, from, to);
    lastCrlNumber = number;
    return crl;
  }

  /**
   * The CA's self-signed certificate, to distribute as a trust anchor.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The organisation's id (the CA subject's O).
   *
   * @return the organisation id
   */
  public String organisationId() {
    return organisationId;
  }

  /**
   * The organisation's country (the CA subject's C, ISO 3166-1 alpha-2), if it names one.
   *
   * @return the country code
   */
  public Optional<String> country() {
    return Optional.ofNullable(DistinguishedNames.c(certificate.getSubjectX500Principal()));
  }

  /**
   * The organisation's type (the CA subject's OU).
   *
   * @return the type
   */
  public OrganisationType organisationType() {
    return type;
  }

  /**
   * Rolls the CA over: a fresh key and a new self-signed certificate with the same subject (so the
   * same organisation id, type and country), continuing this CA's CRL numbers. This CA stays valid
   * for what it signed; the ledger keeps trusting both while both certificates are enrolled.
   *
   * <p>The new certificate must be the organisation's newest ({@link TrustAnchors} takes the latest
   * notBefore as the CA that issues now), so a {@code notBefore} not after this CA's own is moved
   * to one second after it: two rollovers within a second, or one backdated before the current CA,
   * still leave the new CA the newest.
   *
   * @param notBefore start of the new certificate's validity
   * @param notAfter end of its validity, after {@code notBefore}
   * @return the new CA
   */
  public synchronized OrganisationCa rollover(Instant notBefore, Instant notAfter) {
    Instant current = certificate.getNotBefore().toInstant();
    Instant from = seconds(notBefore);
    if (!from.isAfter(current)) {
      from = current.plusSeconds(1);
    }
    Instant to = seconds(notAfter);
    requireOrder(from, to);
    KeyPair keys = EcdsaP256.generateKeyPair();
    X509Certificate cert =
        CertificateBuilders.selfSignedCa(
            org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded()),
            keys.getPublic(),
            keys.getPrivate(),
            from,
            to);
    return new OrganisationCa(organisationId, type, cert, keys.getPrivate(), lastCrlNumber);
  }

  /**
   * Rolls over the CA saved in a directory ({@link #rollover(Instant, Instant)}): the current
   * {@code ca-cert.pem} and {@code ca-key.pem} are kept as {@code ca-cert-<n>.pem} and {@code
   * ca-key-<n>.pem} (n = 1, 2, ... the first free), then the new CA is saved in their place.
   *
   * @param dir the CA directory
   * @param notBefore start of the new certificate's validity
   * @param notAfter end of its validity
   * @return the new CA
   */
  public static OrganisationCa rollover(Path dir, Instant notBefore, Instant notAfter) {
    OrganisationCa old = load(dir);
    OrganisationCa next = old.rollover(notBefore, notAfter);
    CaFiles.retire(dir);
    next.save(dir);
    return next;
  }

  /**
   * Reads a CA retired by {@link #rollover(Path, Instant, Instant)}, to issue CRLs for the
   * certificates it signed.
   *
   * @param dir the CA directory
   * @param generation the n of {@code ca-cert-<n>.pem}
   * @return the retired CA (it shares the directory's CRL counter)
   */
  public static OrganisationCa loadRetired(Path dir, int generation) {
    return CaFiles.load(dir, generation);
  }

  /**
   * Writes the CA to a directory: {@code ca-cert.pem}, {@code ca-key.pem} (unencrypted PKCS#8,
   * owner read/write only where the file system has POSIX permissions) and {@code crl-number}.
   *
   * @param dir the directory, created if missing
   */
  public synchronized void save(Path dir) {
    CaFiles.save(dir, certificate, key, lastCrlNumber);
  }

  /**
   * Reads a CA written by {@link #save(Path)}, checking that the key matches the certificate and
   * that the certificate is an organisation CA.
   *
   * @param dir the directory
   * @return the CA
   * @throws IllegalArgumentException if the files are missing, malformed or inconsistent
   */
  public static OrganisationCa load(Path dir) {
    return CaFiles.load(dir);
  }

  @Override
  public String toString() {
    return "OrganisationCa[" + certificate.getSubjectX500Principal().getName() + "]";
  }

  private static Instant seconds(Instant instant) {
    return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.SECONDS);
  }

  private static void requireOrder(Instant from, Instant to) {
    Objects.requireNonNull(from, "start instant");
    Objects.requireNonNull(to, "end instant");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("end " + to + " must be after start " + from);
    }
  }
}
