package org.kpledger.contracts.anchor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import org.kpledger.contracts.Caller;

/**
 * The rules a ledger node's certificate must meet to be registered, and to keep signing heads. The
 * KP authority's administrator passes its organisation's CA certificate (a ledger {@code
 * OrganisationCa}: {@code OU=KP_AUTHORITY}) and the node's certificate issued by that CA with
 * {@code OU=LEDGER_NODE}. The peer's MSP has already proved that the caller chains to one of the
 * channel's roots; this class proves that the caller's own certificate and the node's were both
 * signed by the key of the CA passed, so the node is certified by the caller's organisation.
 */
final class NodeCertification {

  /** The role (subject OU) of a ledger node's certificate, as the ledger's {@code Role}. */
  static final String LEDGER_NODE_ROLE = "LEDGER_NODE";

  private NodeCertification() {}

  /**
   * Checks a registration and returns the node's certificate.
   *
   * @param caller the submitting administrator's certificate
   * @param nodePem the node's certificate, PEM
   * @param caPem the caller's organisation CA certificate, PEM
   * @param at the transaction's timestamp
   * @return the node's certificate
   */
  static X509Certificate certify(X509Certificate caller, String nodePem, String caPem, Instant at) {
    X509Certificate ca =
        parse(caPem).orElseThrow(() -> malformed("the CA certificate is not a PEM certificate"));
    X509Certificate node =
        parse(nodePem)
            .orElseThrow(() -> malformed("the node certificate is not a PEM certificate"));
    if (!Caller.KP_AUTHORITY.equals(unit(ca.getSubjectX500Principal())) || !issuedBy(caller, ca)) {
      throw AnchorRefusal.CA_NOT_CALLERS.refuse(
          "the CA certificate "
              + ca.getSubjectX500Principal().getName()
              + " is not the KP authority CA that issued the caller's certificate");
    }
    if (!issuedBy(node, ca)) {
      throw AnchorRefusal.NODE_NOT_CERTIFIED.refuse(
          "the node certificate "
              + node.getSubjectX500Principal().getName()
              + " is not signed by the caller's CA");
    }
    if (NodeKeys.fromSpki(node.getPublicKey().getEncoded()).isEmpty()) {
      throw AnchorRefusal.NODE_KEY_NOT_P256.refuse("the node certificate's key is not P-256");
    }
    if (!LEDGER_NODE_ROLE.equals(unit(node.getSubjectX500Principal()))) {
      throw AnchorRefusal.NOT_A_LEDGER_NODE.refuse(
          "the node certificate's OU is not " + LEDGER_NODE_ROLE);
    }
    requireValid(ca, at, "the CA certificate");
    requireValid(node, at, "the node certificate");
    return node;
  }

  /**
   * Refuses a head whose registered node certificate is not valid at the transaction's time.
   *
   * @param node the registered certificate
   * @param at the transaction's timestamp
   */
  static void requireInForce(X509Certificate node, Instant at) {
    try {
      node.checkValidity(Date.from(at));
    } catch (CertificateExpiredException e) {
      throw AnchorRefusal.NODE_CERTIFICATE_EXPIRED.refuse(
          "the node certificate expired at " + node.getNotAfter().toInstant() + ", before " + at);
    } catch (CertificateNotYetValidException e) {
      throw AnchorRefusal.NODE_CERTIFICATE_EXPIRED.refuse(
          "the node certificate is valid only from " + node.getNotBefore().toInstant());
    }
  }

  /**
   * Reads a certificate from DER.
   *
   * @param der the bytes
   * @return the certificate
   */
  static X509Certificate fromDer(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored node certificate is unreadable", e);
    }
  }

  private static void requireValid(X509Certificate cert, Instant at, String what) {
    try {
      cert.checkValidity(Date.from(at));
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw AnchorRefusal.CERTIFICATE_NOT_VALID.refuse(
          what
              + " is valid from "
              + cert.getNotBefore().toInstant()
              + " to "
              + cert.getNotAfter().toInstant()
              + ", not at "
              + at);
    }
  }

  private static boolean issuedBy(X509Certificate cert, X509Certificate ca) {
    if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      PublicKey key = ca.getPublicKey();
      cert.verify(key);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Optional<X509Certificate> parse(String pem) {
    if (pem == null || !pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII))));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String unit(X500Principal name) {
    try {
      List<String> units =
          new LdapName(name.getName(X500Principal.RFC2253))
              .getRdns().stream()
                  .filter(rdn -> rdn.getType().toUpperCase(Locale.ROOT).equals("OU"))
                  .map(rdn -> String.valueOf(rdn.getValue()))
                  .toList();
      return units.size() == 1 ? units.get(0) : "";
    } catch (InvalidNameException e) {
      return "";
    }
  }

  private static RuntimeException malformed(String message) {
    return AnchorRefusal.MALFORMED.refuse(message);
  }
}
