package org.kpledger.identity;

import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Builds and reads the {@code CN, O, OU} subjects used by organisation CAs and actors, and the
 * {@code C} (ISO 3166-1 alpha-2) an organisation CA may carry.
 */
final class DistinguishedNames {

  /** Organisation and actor ids: 1-64 characters, letters, digits and {@code . _ : @ -}. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

  /** X.520 upper bound for CN, O and OU values. */
  static final int MAX_VALUE_LENGTH = 64;

  /** An ISO 3166-1 alpha-2 code, as X.520 countryName holds it. */
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private DistinguishedNames() {}

  /** The name whose RFC 4514 form is {@code CN=cn,O=o,OU=ou} (so the RDN sequence is OU, O, CN). */
  static X500Name of(String cn, String o, String ou) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.OU, ou)
        .addRDN(BCStyle.O, o)
        .addRDN(BCStyle.CN, cn)
        .build();
  }

  /**
   * The name whose RFC 4514 form is {@code CN=cn,O=o,OU=ou,C=c} (so the RDN sequence is C, OU, O,
   * CN), or {@link #of(String, String, String)} when {@code country} is null.
   */
  static X500Name of(String cn, String o, String ou, String country) {
    if (country == null) {
      return of(cn, o, ou);
    }
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, country)
        .addRDN(BCStyle.OU, ou)
        .addRDN(BCStyle.O, o)
        .addRDN(BCStyle.CN, cn)
        .build();
  }

  /**
   * The single value of an attribute, or null when it is absent, repeated or in a multi-valued RDN.
   */
  static String single(X500Principal principal, ASN1ObjectIdentifier type) {
    RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs(type);
    if (rdns.length != 1 || rdns[0].isMultiValued()) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String s ? s.getString() : null;
  }

  static String cn(X500Principal principal) {
    return single(principal, BCStyle.CN);
  }

  static String o(X500Principal principal) {
    return single(principal, BCStyle.O);
  }

  static String ou(X500Principal principal) {
    return single(principal, BCStyle.OU);
  }

  static String c(X500Principal principal) {
    return single(principal, BCStyle.C);
  }

  static String requireCountry(String value) {
    if (value != null && !COUNTRY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "country must be an ISO 3166-1 alpha-2 code (two capital letters); got '" + value + "'");
    }
    return value;
  }

  static String requireId(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be 1-64 characters: letters, digits, '.', '_', ':', '@'"
              + " or '-', starting with a letter or digit; got "
              + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }
}
