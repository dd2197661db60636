package org.kpledger.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.util.IPAddress;

/** The Bouncy Castle builder calls behind {@link OrganisationCa}; arguments are already checked. */
final class CertificateBuilders {

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateBuilders() {}

  static X509Certificate selfSignedCa(
      X500Name subject, PublicKey publicKey, PrivateKey key, Instant notBefore, Instant notAfter) {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject, randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, publicKey);
    try {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new LowSContentSigner(key)));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the CA certificate", e);
    }
  }

  static X509Certificate endEntity(
      X509Certificate ca,
      PrivateKey caKey,
      X500Name subject,
      PublicKey actorKey,
      Instant notBefore,
      Instant notAfter) {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            ca, randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, actorKey);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(actorKey))
          .addExtension(
              Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new LowSContentSigner(caKey)));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the actor certificate", e);
    }
  }

  static X509Certificate tlsServer(
      X509Certificate ca,
      PrivateKey caKey,
      X500Name subject,
      PublicKey nodeKey,
      java.util.List<String> dnsNames,
      java.util.List<String> ipAddresses,
      Instant notBefore,
      Instant notAfter) {
    java.util.List<GeneralName> names = new java.util.ArrayList<>();
    dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    for (String ip : ipAddresses) {
      if (!IPAddress.isValid(ip)) {
        throw new IllegalArgumentException("not an IP address: " + ip);
      }
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            ca, randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, nodeKey);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(names.toArray(GeneralName[]::new)))
          .addExtension(
              Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(nodeKey))
          .addExtension(
              Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new LowSContentSigner(caKey)));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS server certificate", e);
    }
  }

  static X509CRL crl(
      X509Certificate ca,
      PrivateKey caKey,
      Map<BigInteger, Instant> revoked,
      BigInteger number,
      Instant thisUpdate,
      Instant nextUpdate) {
    X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca, Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(nextUpdate));
    revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), null));
    try {
      builder
          .addExtension(Extension.cRLNumber, false, new CRLNumber(number))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
      return new JcaX509CRLConverter().getCRL(builder.build(new LowSContentSigner(caKey)));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the CRL", e);
    }
  }

  /** A random positive serial of at most 128 bits (RFC 5280 §4.1.2.2 allows up to 20 octets). */
  static BigInteger randomSerial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, RANDOM);
    } while (serial.signum() == 0);
    return serial;
  }
}
