package org.kpledger.api.access;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.settings.LedgerProperties;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.Actor;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.IdentityRejectedException;
import org.kpledger.signing.EcdsaP256;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Establishes who is reading: from a client certificate presented over mutual TLS, or from a {@link
 * SignedRequest}. Either way the certificate must chain to an enrolled organisation CA, be valid
 * now and not revoked (the same {@link TrustRoot} as the write path).
 */
@Component
class ReadAuthenticator {
  private final TrustRoot trust;
  private final Clock clock;
  private final Duration window;

  ReadAuthenticator(TrustRoot trust, Clock clock, LedgerProperties props) {
    this.trust = trust;
    this.clock = clock;
    this.window = props.issuedAtWindow();
  }

  /** The actor of a TLS client certificate (the handshake already proved the key). */
  public Actor fromTlsCertificate(X509Certificate cert) {
    return actor(authenticate(cert, clock.instant(), "tls"));
  }

  /** The actor of a signed request; throws 401 naming the header at fault. */
  public Actor fromSignedRequest(
      String method, String target, String certificate, String date, String signature) {
    require(certificate, SignedRequest.CERTIFICATE);
    require(date, SignedRequest.DATE);
    require(signature, SignedRequest.SIGNATURE);
    Instant now = clock.instant();
    Instant at = parseDate(date);
    if (at.isBefore(now.minus(window)) || at.isAfter(now.plus(window))) {
      throw unauthorized(
          "DATE_OUTSIDE_WINDOW",
          SignedRequest.DATE,
          SignedRequest.DATE + " " + date + " is more than " + window + " away from " + now);
    }
    X509Certificate cert;
    try {
      cert = CertificateAuthenticator.parseCertificate(certificate);
    } catch (IdentityRejectedException e) {
      throw unauthorized(e.reasonCode(), SignedRequest.CERTIFICATE, e.getMessage());
    }
    ActorIdentity identity = authenticate(cert, now, SignedRequest.CERTIFICATE);
    if (!EcdsaP256.verify(
        cert.getPublicKey(), SignedRequest.canonical(method, target, date), decode(signature))) {
      throw unauthorized(
          "BAD_SIGNATURE",
          SignedRequest.SIGNATURE,
          "the signature does not verify over "
              + SignedRequest.VERSION
              + ", "
              + method
              + ", "
              + target
              + " and "
              + SignedRequest.DATE
              + " with the certificate's key, or is not low-S");
    }
    return actor(identity);
  }

  private ActorIdentity authenticate(X509Certificate cert, Instant now, String field) {
    try {
      return trust.authenticate(cert, now);
    } catch (IdentityRejectedException e) {
      throw unauthorized(e.reasonCode(), field, e.getMessage());
    }
  }

  private static Actor actor(ActorIdentity id) {
    return new Actor(id.actorId(), id.organisationId(), id.organisationType(), id.role());
  }

  private static Instant parseDate(String date) {
    try {
      return Instant.parse(date);
    } catch (DateTimeParseException e) {
      throw unauthorized(
          "DATE_INVALID",
          SignedRequest.DATE,
          SignedRequest.DATE + " must be an ISO-8601 instant such as 2026-01-31T10:15:30Z");
    }
  }

  private static byte[] decode(String signature) {
    try {
      return Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void require(String value, String header) {
    if (value == null || value.isBlank()) {
      throw unauthorized(
          "MISSING_CREDENTIALS",
          header,
          "a query needs a client certificate over mutual TLS, or the headers "
              + SignedRequest.CERTIFICATE
              + ", "
              + SignedRequest.DATE
              + " and "
              + SignedRequest.SIGNATURE
              + "; "
              + header
              + " is missing");
    }
  }

  static QueryRefusedException unauthorized(String rule, String field, String detail) {
    return new QueryRefusedException(HttpStatus.UNAUTHORIZED, rule, field, detail);
  }
}
