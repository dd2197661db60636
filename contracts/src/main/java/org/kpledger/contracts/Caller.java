package org.kpledger.contracts;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * Who submitted a transaction, as far as the contracts need to know: the caller's MSP id, the OUs
 * of its certificate's subject (Fabric's NodeOU classification: {@code client}, {@code admin}, ...)
 * and the OU of its issuer. The issuer is the organisation's CA, the same CA that signs actor
 * certificates in the ledger, whose OU names the organisation's type ({@code KP_AUTHORITY}, {@code
 * IMPORTING_AUTHORITY}, ...) and whose C names its country (ISO 3166-1 alpha-2). The peer's MSP has
 * already checked the chain to that CA, and the channel's MSP definitions (changed only by a
 * majority of the organisations' admins) hold those CAs: the issuer's name is therefore the
 * channel's word, not the caller's.
 *
 * @param mspId the caller's MSP id
 * @param subjectUnits the OU values of the caller certificate's subject
 * @param issuerUnit the OU of the issuing CA's name, or the empty string
 * @param issuerCountry the C of the issuing CA's name, or the empty string
 */
public record Caller(
    String mspId, List<String> subjectUnits, String issuerUnit, String issuerCountry) {

  /** The NodeOU of an organisation's administrators (Fabric MSP {@code config.yaml}). */
  public static final String ADMIN_UNIT = "admin";

  /** The organisation type (CA OU) of a Kimberley Process authority. */
  public static final String KP_AUTHORITY = "KP_AUTHORITY";

  /** The organisation type (CA OU) of a participant's importing authority. */
  public static final String IMPORTING_AUTHORITY = "IMPORTING_AUTHORITY";

  /**
   * Reads the caller of the current transaction.
   *
   * @param ctx the transaction context
   * @return the caller
   */
  public static Caller of(Context ctx) {
    ClientIdentity identity = ctx.getClientIdentity();
    X509Certificate cert = identity.getX509Certificate();
    return new Caller(
        identity.getMSPID(),
        units(cert.getSubjectX500Principal()),
        values(cert.getIssuerX500Principal(), "OU").stream().findFirst().orElse(""),
        values(cert.getIssuerX500Principal(), "C").stream().findFirst().orElse(""));
  }

  /**
   * Tells whether the caller is an administrator of its organisation.
   *
   * @return whether the subject carries the {@value #ADMIN_UNIT} OU
   */
  public boolean isAdmin() {
    return subjectUnits.contains(ADMIN_UNIT);
  }

  /**
   * Tells whether the caller's organisation CA declares a Kimberley Process authority.
   *
   * @return whether the issuer's OU is {@value #KP_AUTHORITY}
   */
  public boolean isKpAuthority() {
    return KP_AUTHORITY.equals(issuerUnit);
  }

  /**
   * Tells whether the caller's organisation CA declares an importing authority.
   *
   * @return whether the issuer's OU is {@value #IMPORTING_AUTHORITY}
   */
  public boolean isImportingAuthority() {
    return IMPORTING_AUTHORITY.equals(issuerUnit);
  }

  private static List<String> units(X500Principal principal) {
    return values(principal, "OU");
  }

  private static List<String> values(X500Principal principal, String type) {
    try {
      return new LdapName(principal.getName(X500Principal.RFC2253))
          .getRdns().stream()
              .filter(rdn -> rdn.getType().toUpperCase(Locale.ROOT).equals(type))
              .map(rdn -> String.valueOf(rdn.getValue()))
              .toList();
    } catch (InvalidNameException e) {
      throw new IllegalStateException("unreadable X.500 name " + principal, e);
    }
  }
}
