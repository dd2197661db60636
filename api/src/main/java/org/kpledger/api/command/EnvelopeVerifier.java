package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.problem.CommandRefusedException;
import org.kpledger.api.settings.LedgerProperties;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.Actor;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.IdentityRejectedException;
import org.kpledger.signing.EnvelopeFormatException;
import org.kpledger.signing.EnvelopeSignatureVerifier;
import org.kpledger.signing.SignedEnvelope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Every check an envelope passes before Axon sees its command (ARCHITECTURE.md, write path):
 * well-formed; a known command type; certificate chains to a known organisation CA, valid now and
 * not revoked; ECDSA P-256 signature over the RFC 8785 form valid and low-S; role allowed; issuedAt
 * within the window; payload well-typed, complete, without unknown fields and valid. The commandId
 * check is the caller's, against the receipts.
 */
@Component
public class EnvelopeVerifier {
  private final TrustRoot trust;
  private final Validator validator;
  private final Clock clock;
  private final Duration window;
  private final ObjectMapper payloadMapper;
  private final CommandMeter meter;

  EnvelopeVerifier(
      TrustRoot trust,
      Validator validator,
      Clock clock,
      LedgerProperties props,
      ObjectMapper mapper,
      CommandMeter meter) {
    this.meter = meter;
    this.trust = trust;
    this.validator = validator;
    this.clock = clock;
    this.window = props.issuedAtWindow();
    this.payloadMapper =
        mapper
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .registerModule(TwoDecimals.module());
  }

  /** Verifies the raw body; throws {@link CommandRefusedException} naming the failed check. */
  public VerifiedCommand verify(String body) {
    SignedEnvelope envelope = parse(body);
    CommandCatalog.Entry entry =
        CommandCatalog.find(envelope.commandType())
            .orElseThrow(
                () ->
                    refused(
                        HttpStatus.BAD_REQUEST,
                        "UNKNOWN_COMMAND_TYPE",
                        "commandType",
                        "unknown command type " + envelope.commandType()));
    RequestFacts.command(entry.type(), envelope.commandId());
    Instant now = clock.instant();
    ActorIdentity identity = authenticate(envelope, now);
    byte[] signedDigest =
        meter
            .timeVerify(
                () ->
                    EnvelopeSignatureVerifier.verifiedSigningDigest(
                        envelope, identity.certificate()))
            .orElseThrow(
                () ->
                    refused(
                        HttpStatus.UNAUTHORIZED,
                        "BAD_SIGNATURE",
                        "signature",
                        "the signature does not verify over the canonical envelope with the"
                            + " signer's key, or is not low-S"));
    Actor actor =
        new Actor(
            identity.actorId(),
            identity.organisationId(),
            identity.organisationType(),
            identity.role());
    requireAllowed(entry, actor);
    requireFresh(envelope.issuedAtInstant(), now);
    Object payload = payload(envelope, entry);
    PayloadChecks.requirePlausibleDates(payload, now, window);
    return new VerifiedCommand(
        entry.type(),
        envelope.commandId(),
        payload,
        actor,
        body,
        HexFormat.of().formatHex(signedDigest));
  }

  private SignedEnvelope parse(String body) {
    try {
      return SignedEnvelope.fromJson(body);
    } catch (EnvelopeFormatException e) {
      throw refused(HttpStatus.BAD_REQUEST, "MALFORMED_ENVELOPE", e.field(), formatDetail(e));
    } catch (IllegalArgumentException e) {
      throw refused(
          HttpStatus.BAD_REQUEST, "MALFORMED_JSON", null, "the envelope is not readable JSON");
    }
  }

  /**
   * The envelope rule that failed, in the ledger's words; a parser limit (nesting depth, length of
   * a number or string) is said in ours, since the parser's own text names its Java settings.
   */
  private static String formatDetail(EnvelopeFormatException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return "the envelope nests too deep or holds a number, string or name that is too long";
      }
    }
    return e.getMessage();
  }

  private ActorIdentity authenticate(SignedEnvelope envelope, Instant now) {
    try {
      X509Certificate cert =
          CertificateAuthenticator.parseCertificate(envelope.signerCertificate());
      return trust.authenticate(cert, now);
    } catch (IdentityRejectedException e) {
      throw refused(HttpStatus.UNAUTHORIZED, e.reasonCode(), "signerCertificate", e.getMessage());
    }
  }

  private void requireAllowed(CommandCatalog.Entry entry, Actor actor) {
    boolean allowed =
        CommandCatalog.PUBLISH_REVOCATION_LIST.equals(entry.type())
            || entry.allows(actor.organisationType(), actor.role());
    if (!allowed) {
      throw refused(
          HttpStatus.FORBIDDEN,
          "ROLE_NOT_ALLOWED",
          "commandType",
          "a "
              + actor.role()
              + " of a "
              + actor.organisationType()
              + " may not issue "
              + entry.type());
    }
  }

  private void requireFresh(Instant issuedAt, Instant now) {
    if (issuedAt.isBefore(now.minus(window)) || issuedAt.isAfter(now.plus(window))) {
      throw refused(
          HttpStatus.UNAUTHORIZED,
          "ISSUED_AT_OUTSIDE_WINDOW",
          "issuedAt",
          "issuedAt "
              + issuedAt
              + " is more than "
              + window
              + " away from the ledger's clock "
              + now);
    }
  }

  private Object payload(SignedEnvelope envelope, CommandCatalog.Entry entry) {
    return bindPayload(envelope.payload(), entry);
  }

  /**
   * Binds and validates a payload as the node does for every command: strict JSON types, known
   * members only, bean validation. The OpenAPI schemas are checked against this.
   */
  Object bindPayload(JsonNode payloadNode, CommandCatalog.Entry entry) {
    PayloadShapes.require(payloadNode, entry.payloadClass());
    Object payload;
    try {
      payload = payloadMapper.treeToValue(payloadNode, entry.payloadClass());
    } catch (UnrecognizedPropertyException e) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "UNKNOWN_FIELD",
          "payload." + e.getPropertyName(),
          "payload field " + e.getPropertyName() + " is not part of " + entry.type());
    } catch (MismatchedInputException e) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "INVALID_FIELD",
          "payload" + path(e),
          "payload" + path(e) + " must be " + FieldFormats.describe(e.getTargetType()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "INVALID_PAYLOAD",
          "payload",
          "the payload does not fit " + entry.type() + "; see its schema in /v3/api-docs");
    }
    if (payload == null) {
      throw refused(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "payload", "payload is required");
    }
    Set<ConstraintViolation<Object>> violations = validator.validate(payload);
    if (!violations.isEmpty()) {
      ConstraintViolation<Object> first =
          violations.stream()
              .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
              .findFirst()
              .orElseThrow();
      String all =
          violations.stream()
              .map(v -> "payload." + v.getPropertyPath() + " " + v.getMessage())
              .sorted()
              .collect(Collectors.joining("; "));
      throw refused(
          HttpStatus.BAD_REQUEST, "CONSTRAINT_VIOLATED", "payload." + first.getPropertyPath(), all);
    }
    return payload;
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining());
  }

  private static CommandRefusedException refused(
      HttpStatus status, String rule, String field, String detail) {
    return new CommandRefusedException(status, rule, field, detail);
  }
}
