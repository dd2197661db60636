package org.kpledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.IdentityRejectedException;
import org.kpledger.signing.EnvelopeFormatException;
import org.kpledger.signing.EnvelopeSignatureVerifier;
import org.kpledger.signing.SignedEnvelope;

/**
 * Checks the signed envelope stored with each event: well formed, its ECDSA P-256 low-S signature
 * over the RFC 8785 form, its certificate chained to a pinned CA and valid and unrevoked at the
 * envelope's {@code issuedAt}, and the event's metadata (command id, actor, organisation, role)
 * equal to what the envelope and certificate say. An envelope shared by the events of one command
 * is verified once. Thread-safe.
 */
final class EnvelopeChecks {

  private record Failure(Rule rule, String detail) {}

  private record Outcome(List<Failure> failures, String commandId, ActorIdentity identity) {}

  private final CertificateAuthenticator authenticator;
  private final Findings findings;
  private final Map<ByteBuffer, Outcome> verified = new ConcurrentHashMap<>();
  private final AtomicLong distinct = new AtomicLong();

  EnvelopeChecks(CertificateAuthenticator authenticator, Findings findings) {
    this.authenticator = authenticator;
    this.findings = findings;
  }

  long distinctEnvelopes() {
    return distinct.get();
  }

  void check(LeafLine leaf) {
    String subject = Findings.event(leaf.eventId());
    JsonNode meta = leaf.metaData();
    JsonNode envelope = meta == null ? null : meta.get(LedgerMetaData.ENVELOPE);
    if (envelope == null || !envelope.isTextual()) {
      findings.add(Rule.ENVELOPE_MISSING, subject, "metaData has no envelope string");
      return;
    }
    String text = envelope.textValue();
    ByteBuffer key = ByteBuffer.wrap(sha256(text));
    Outcome outcome = verified.get(key);
    if (outcome == null) {
      outcome = verify(text);
      if (verified.putIfAbsent(key, outcome) == null) {
        distinct.incrementAndGet();
      }
    }
    outcome.failures().forEach(f -> findings.add(f.rule(), subject, f.detail()));
    List<String> differ = new ArrayList<>();
    if (outcome.commandId() != null) {
      same(differ, meta, LedgerMetaData.COMMAND_ID, outcome.commandId());
    }
    ActorIdentity id = outcome.identity();
    if (id != null) {
      same(differ, meta, LedgerMetaData.ACTOR_ID, id.actorId());
      same(differ, meta, LedgerMetaData.ORGANISATION_ID, id.organisationId());
      same(differ, meta, LedgerMetaData.ORGANISATION_TYPE, id.organisationType().name());
      same(differ, meta, LedgerMetaData.ROLE, id.role().name());
    }
    if (!differ.isEmpty()) {
      findings.add(Rule.ENVELOPE_EVENT_MISMATCH, subject, String.join("; ", differ));
    }
  }

  private Outcome verify(String text) {
    SignedEnvelope e;
    try {
      e = SignedEnvelope.fromJson(text);
    } catch (EnvelopeFormatException | IllegalArgumentException ex) {
      return new Outcome(
          List.of(new Failure(Rule.ENVELOPE_MALFORMED, ex.getMessage())), null, null);
    }
    List<Failure> failures = new ArrayList<>();
    X509Certificate cert;
    try {
      cert = CertificateAuthenticator.parseCertificate(e.signerCertificate());
    } catch (IdentityRejectedException ex) {
      failures.add(new Failure(Rule.CERTIFICATE_INVALID, ex.getMessage()));
      return new Outcome(failures, e.commandId(), null);
    }
    if (!EnvelopeSignatureVerifier.verify(e, cert)) {
      failures.add(
          new Failure(
              Rule.ENVELOPE_SIGNATURE_INVALID,
              "command "
                  + e.commandId()
                  + ": the signature does not verify with the signer's key"
                  + " over the canonical envelope, or is not low-S strict DER"));
    }
    ActorIdentity identity = null;
    try {
      identity = authenticator.authenticate(cert, e.issuedAtInstant());
    } catch (IdentityRejectedException ex) {
      failures.add(
          new Failure(rule(ex.reason()), "signed at " + e.issuedAt() + ": " + ex.getMessage()));
    }
    return new Outcome(failures, e.commandId(), identity);
  }

  private static Rule rule(IdentityRejectedException.Reason reason) {
    return switch (reason) {
      case UNKNOWN_ISSUER, BAD_CERTIFICATE_SIGNATURE -> Rule.CERTIFICATE_NOT_TRUSTED;
      case CERTIFICATE_NOT_YET_VALID -> Rule.CERTIFICATE_NOT_YET_VALID_AT_SIGNING;
      case CERTIFICATE_EXPIRED -> Rule.CERTIFICATE_EXPIRED_AT_SIGNING;
      case CERTIFICATE_REVOKED -> Rule.CERTIFICATE_REVOKED_AT_SIGNING;
      default -> Rule.CERTIFICATE_INVALID;
    };
  }

  private static void same(List<String> differ, JsonNode meta, String key, String expected) {
    JsonNode actual = meta.get(key);
    if (actual == null || !expected.equals(actual.asText())) {
      differ.add(
          key
              + " is "
              + (actual == null ? "absent" : "'" + actual.asText() + "'")
              + ", the envelope says '"
              + expected
              + "'");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
