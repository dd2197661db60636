package org.kpledger.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * PEM (RFC 7468) text for certificates, private keys (unencrypted PKCS#8, or SEC 1 on input) and
 * CRLs. Malformed or unexpected input raises {@link IllegalArgumentException}.
 */
public final class Pem {

  private Pem() {}

  /**
   * Encodes a certificate.
   *
   * @param certificate the certificate
   * @return a {@code CERTIFICATE} PEM block
   */
  public static String writeCertificate(X509Certificate certificate) {
    return write(certificate);
  }

  /**
   * Encodes a private key as unencrypted PKCS#8. Protect the result as the key itself.
   *
   * @param key the private key
   * @return a {@code PRIVATE KEY} PEM block
   */
  public static String writePrivateKey(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (PemGenerationException e) {
      throw new IllegalArgumentException("cannot encode the private key", e);
    }
  }

  /**
   * Encodes a CRL.
   *
   * @param crl the CRL
   * @return an {@code X509 CRL} PEM block
   */
  public static String writeCrl(X509CRL crl) {
    return write(crl);
  }

  /**
   * Decodes every {@code CERTIFICATE} block in a text, skipping blocks of other types.
   *
   * @param pem PEM text
   * @return the certificates, in order (possibly none)
   */
  public static List<X509Certificate> readCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object o : readAll(pem)) {
      if (o instanceof X509CertificateHolder holder) {
        try {
          certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
          throw new IllegalArgumentException("malformed certificate in PEM", e);
        }
      }
    }
    return certificates;
  }

  /**
   * Decodes the one certificate in a text.
   *
   * @param pem PEM text holding exactly one {@code CERTIFICATE} block
   * @return the certificate
   */
  public static X509Certificate readCertificate(String pem) {
    return only(readCertificates(pem), "CERTIFICATE");
  }

  /**
   * Decodes the one private key in a text ({@code PRIVATE KEY} or {@code EC PRIVATE KEY}).
   *
   * @param pem PEM text
   * @return the private key
   */
  public static PrivateKey readPrivateKey(String pem) {
    List<PrivateKey> keys = new ArrayList<>();
    try {
      for (Object o : readAll(pem)) {
        if (o instanceof PrivateKeyInfo info) {
          keys.add(privateKey(info));
        } else if (o instanceof PEMKeyPair pair) {
          keys.add(privateKey(pair.getPrivateKeyInfo()));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("malformed private key in PEM", e);
    }
    return only(keys, "PRIVATE KEY");
  }

  /**
   * Decodes the one CRL in a text.
   *
   * @param pem PEM text holding exactly one {@code X509 CRL} block
   * @return the CRL
   */
  public static X509CRL readCrl(String pem) {
    List<X509CRL> crls = new ArrayList<>();
    for (Object o : readAll(pem)) {
      if (o instanceof X509CRLHolder holder) {
        try {
          crls.add(new JcaX509CRLConverter().getCRL(holder));
        } catch (CRLException e) {
          throw new IllegalArgumentException("malformed CRL in PEM", e);
        }
      }
    }
    return only(crls, "X509 CRL");
  }

  /** EC keys go to the platform's "EC" key factory, so that any JCA provider can use them. */
  private static PrivateKey privateKey(PrivateKeyInfo info)
      throws IOException, GeneralSecurityException {
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    }
    return new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info);
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<Object> readAll(String pem) {
    if (pem == null) {
      throw new IllegalArgumentException("PEM text is null");
    }
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
    }
    return objects;
  }

  private static <T> T only(List<T> items, String type) {
    if (items.size() != 1) {
      throw new IllegalArgumentException(
          "expected exactly one " + type + " PEM block, found " + items.size());
    }
    return items.get(0);
  }
}
