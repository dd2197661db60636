package org.kpledger.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds certificates and CRLs that {@link OrganisationCa} refuses to make, signed with a real CA
 * key (through the ordinary JCA signer, so S may be high), to exercise every rejection path.
 */
final class Rogue {

  record Issuer(X509Certificate certificate, PrivateKey key) {}

  private Rogue() {}

  static Issuer issuerOf(OrganisationCa ca, Path dir) throws IOException {
    ca.save(dir);
    return new Issuer(
        ca.certificate(), Pem.readPrivateKey(Files.readString(dir.resolve("ca-key.pem"))));
  }

  static X509Certificate certificate(
      Issuer issuer,
      String subject,
      PublicKey key,
      Instant notBefore,
      Instant notAfter,
      boolean endEntity)
      throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer.certificate(),
            BigInteger.valueOf(System.nanoTime()),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name(subject),
            key);
    if (endEntity) {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())));
  }

  static X509CRL crl(
      Issuer issuer, BigInteger number, Map<BigInteger, Instant> revoked, Instant thisUpdate)
      throws Exception {
    X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer.certificate(), Date.from(thisUpdate));
    revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), null));
    if (number != null) {
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
    }
    return new JcaX509CRLConverter()
        .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())));
  }
}
