package org.kpledger.network;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.kpledger.signing.EcdsaP256;

/**
 * Issues Fabric node certificates under an organisation CA's key: signing identities whose OU is a
 * Fabric NodeOU, and TLS certificates for loopback. Signatures come from {@link EcdsaP256#sign}, so
 * they are low-S like every signature of the ledger.
 */
final class NodeCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ASN1ObjectIdentifier ECDSA_SHA256 =
      new ASN1ObjectIdentifier("1.2.840.10045.4.3.2");

  private final X509Certificate ca;
  private final PrivateKey caKey;

  NodeCertificates(X509Certificate ca, PrivateKey caKey) {
    this.ca = ca;
    this.caKey = caKey;
  }

  /** A signing identity {@code CN=<name>, O=<organisation>, OU=<nodeUnit>} (Fabric NodeOU). */
  X509Certificate identity(
      String name, String organisation, String nodeUnit, PublicKey key, Instant from, Instant to) {
    return issue(name, organisation, nodeUnit, key, from, to, false);
  }

  /** A TLS server and client certificate for {@code localhost} and {@code 127.0.0.1}. */
  X509Certificate tls(String name, String organisation, PublicKey key, Instant from, Instant to) {
    return issue(name, organisation, "tls", key, from, to, true);
  }

  private X509Certificate issue(
      String name,
      String organisation,
      String unit,
      PublicKey key,
      Instant from,
      Instant to,
      boolean tls) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.OU, unit)
            .addRDN(BCStyle.O, organisation)
            .addRDN(BCStyle.CN, name)
            .build();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            ca,
            new BigInteger(127, RANDOM).add(BigInteger.ONE),
            Date.from(from),
            Date.from(to),
            subject,
            key);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(
                  tls
                      ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                      : KeyUsage.digitalSignature))
          .addExtension(
              Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
          .addExtension(
              Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
      if (tls) {
        builder
            .addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(
                    new KeyPurposeId[] {
                      KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                    }))
            .addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(
                    new GeneralName[] {
                      new GeneralName(GeneralName.dNSName, "localhost"),
                      new GeneralName(GeneralName.dNSName, name),
                      new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                    }));
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(new LowS(caKey)));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue the certificate of " + name, e);
    }
  }

  /** A Bouncy Castle content signer over {@link EcdsaP256#sign}: SHA-256, RFC 6979, low-S. */
  private static final class LowS implements ContentSigner {
    private final PrivateKey key;
    private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

    LowS(PrivateKey key) {
      this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return new AlgorithmIdentifier(ECDSA_SHA256);
    }

    @Override
    public OutputStream getOutputStream() {
      return tbs;
    }

    @Override
    public byte[] getSignature() {
      return EcdsaP256.sign(key, tbs.toByteArray());
    }
  }
}
