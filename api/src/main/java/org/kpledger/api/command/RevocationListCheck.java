package org.kpledger.api.command;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.kpledger.api.problem.CommandRefusedException;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.Actor;
import org.kpledger.revocation.PublishRevocationListCommand;
import org.springframework.http.HttpStatus;

/**
 * A CRL is accepted only from an actor of the organisation one of whose CAs signed it (RFC 5280 §5;
 * after a rollover an organisation has several, each publishing CRLs for its own certificates), and
 * is recorded with its issuer and CRL number taken from the CRL itself.
 */
final class RevocationListCheck {
  private final TrustRoot trust;

  RevocationListCheck(TrustRoot trust) {
    this.trust = trust;
  }

  X509CRL verify(PublishRevocationListCommand command, Actor actor) {
    X509CRL crl;
    try {
      crl = TrustRoot.parseCrl(command.crl());
    } catch (IllegalArgumentException e) {
      throw refuse(HttpStatus.BAD_REQUEST, "MALFORMED_CRL", e.getMessage());
    }
    List<X509Certificate> cas = trust.anchors().certificatesFor(actor.organisationId());
    if (cas.isEmpty()) {
      throw refuse(
          HttpStatus.UNAUTHORIZED,
          "UNKNOWN_ISSUER",
          "no CA is known for " + actor.organisationId());
    }
    boolean signed = false;
    for (X509Certificate ca : cas) {
      try {
        crl.verify(ca.getPublicKey());
        signed = true;
        break;
      } catch (Exception e) {
        // try the organisation's next CA (after a rollover it has several)
      }
    }
    if (!signed) {
      throw refuse(
          HttpStatus.UNAUTHORIZED,
          "BAD_CRL_SIGNATURE",
          "the CRL is not signed by "
              + (cas.size() == 1 ? "the CA" : "any of the " + cas.size() + " CAs")
              + " of "
              + actor.organisationId());
    }
    return crl;
  }

  PublishRevocationListCommand complete(PublishRevocationListCommand c, X509CRL crl, Actor actor) {
    return new PublishRevocationListCommand(
        actor.organisationId(), crlNumber(crl).longValueExact(), c.crl());
  }

  private static BigInteger crlNumber(X509CRL crl) {
    byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
    if (ext == null) {
      throw refuse(HttpStatus.BAD_REQUEST, "MALFORMED_CRL", "the CRL carries no CRL number");
    }
    return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
  }

  private static CommandRefusedException refuse(HttpStatus status, String rule, String detail) {
    return new CommandRefusedException(status, rule, "payload.crl", detail);
  }
}
