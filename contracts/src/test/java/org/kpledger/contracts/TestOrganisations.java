package org.kpledger.contracts;

import com.google.protobuf.ByteString;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Organisations of a test channel, each with a CA shaped like the ledger's {@code OrganisationCa}
 * ({@code CN=<name> CA, O=<org>, OU=<organisation type>[, C=<country>]}), issuing Fabric identities
 * with a NodeOU ({@code client}, {@code admin}) and returning them as the serialized creator a peer
 * passes to chaincode.
 */
public final class TestOrganisations {

  private static final AtomicLong SERIAL = new AtomicLong(1);

  /** Test CAs and ledger nodes are valid over the fixed dates of the tests' transactions. */
  private static final Instant CA_FROM = Instant.parse("2026-01-01T00:00:00Z");

  private static final Instant CA_TO = Instant.parse("2036-01-01T00:00:00Z");

  /** The Central African Republic's KP authority. */
  public static final Org CAR_KP = new Org("CarKpMSP", "CAR-KP", "KP_AUTHORITY", "CF");

  /** The KP Monitoring Team. */
  public static final Org MONITORING = new Org("MonitoringMSP", "KP-MT", "MONITORING_TEAM", null);

  /** An importing participant's authority, of Belgium. */
  public static final Org IMPORTER =
      new Org("ImporterMSP", "BE-IMPORT", "IMPORTING_AUTHORITY", "BE");

  /** Another participant's importing authority, of the United Arab Emirates. */
  public static final Org OTHER_IMPORTER =
      new Org("AeImportMSP", "AE-IMPORT", "IMPORTING_AUTHORITY", "AE");

  /** An importing authority whose CA names no country. */
  public static final Org STATELESS_IMPORTER =
      new Org("NoCountryMSP", "XX-IMPORT", "IMPORTING_AUTHORITY", null);

  private TestOrganisations() {}

  /** One organisation: its MSP id and CA. */
  public static final class Org {
    private final String mspId;
    private final String organisationId;
    private final KeyPair caKeys = p256();
    private final X509Certificate ca;

    Org(String mspId, String organisationId, String type, String country) {
      this.mspId = mspId;
      this.organisationId = organisationId;
      X500Name name =
          new X500Name(
              "CN="
                  + organisationId
                  + " CA,O="
                  + organisationId
                  + ",OU="
                  + type
                  + (country == null ? "" : ",C=" + country));
      this.ca = issue(name, name, caKeys.getPublic(), caKeys, true, CA_FROM, CA_TO);
    }

    /**
     * The organisation CA's certificate.
     *
     * @return PEM text
     */
    public String caPem() {
      return pem(ca);
    }

    /**
     * A certificate from this organisation's CA for a key, {@code CN=<name>, O=<org>, OU=<role>}.
     *
     * @param name the subject's name
     * @param role the subject OU, {@code LEDGER_NODE} for a ledger node
     * @param key the subject's public key
     * @param from start of validity
     * @param to end of validity
     * @return PEM text
     */
    public String certify(String name, String role, PublicKey key, Instant from, Instant to) {
      X509Certificate cert =
          issue(
              X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
              new X500Name("CN=" + name + ",O=" + organisationId + ",OU=" + role),
              key,
              caKeys,
              false,
              from,
              to);
      return pem(cert);
    }

    /**
     * A ledger node certificate from this organisation's CA for a key, valid from 2026 to 2036.
     *
     * @param key the node's public key
     * @return PEM text
     */
    public String ledgerNode(PublicKey key) {
      return certify("node1", "LEDGER_NODE", key, CA_FROM, CA_TO);
    }

    /**
     * The MSP id.
     *
     * @return the id
     */
    public String mspId() {
      return mspId;
    }

    /**
     * A serialized identity of a client of this organisation.
     *
     * @return creator bytes
     */
    public byte[] client() {
      return creator("client");
    }

    /**
     * A serialized identity of an administrator of this organisation.
     *
     * @return creator bytes
     */
    public byte[] admin() {
      return creator("admin");
    }

    private byte[] creator(String nodeUnit) {
      X500Name subject =
          new X500Name("CN=" + nodeUnit + "1,O=" + organisationId + ",OU=" + nodeUnit);
      X509Certificate cert =
          issue(
              X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
              subject,
              p256().getPublic(),
              caKeys,
              false,
              Instant.now().minus(1, ChronoUnit.DAYS),
              Instant.now().plus(365, ChronoUnit.DAYS));
      return SerializedIdentity.newBuilder()
          .setMspid(mspId)
          .setIdBytes(ByteString.copyFromUtf8(pem(cert)))
          .build()
          .toByteArray();
    }
  }

  /**
   * A fresh P-256 key pair.
   *
   * @return the keys
   */
  public static KeyPair p256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a PEM public key (SubjectPublicKeyInfo).
   *
   * @param pem the PEM text
   * @return the key
   */
  public static PublicKey publicKey(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return java.security.KeyFactory.getInstance("EC")
          .generatePublic(
              new java.security.spec.X509EncodedKeySpec(
                  java.util.Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * PEM text of a certificate or public key.
   *
   * @param object what to encode
   * @return the PEM text
   */
  public static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static X509Certificate issue(
      X500Name issuer,
      X500Name subject,
      PublicKey subjectKey,
      KeyPair issuerKeys,
      boolean ca,
      Instant from,
      Instant to) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              new JcaX509v3CertificateBuilder(
                      issuer,
                      BigInteger.valueOf(SERIAL.getAndIncrement()),
                      Date.from(from.truncatedTo(ChronoUnit.SECONDS)),
                      Date.from(to.truncatedTo(ChronoUnit.SECONDS)),
                      subject,
                      subjectKey)
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                  .build(
                      new JcaContentSignerBuilder("SHA256withECDSA")
                          .build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test certificate", e);
    }
  }
}
