package org.kpledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.IdentityRejectedException;
import org.kpledger.signing.EnvelopeFormatException;
import org.kpledger.signing.EnvelopeSignatureVerifier;
import org.kpledger.signing.SignedEnvelope;

/**
 * Checks the signed envelope of each event, carried in its metadata (leaf format v1) or, for a
 * {@code kp-ledger/leaf/v2} event, found in {@code envelopes.jsonl} under the SHA-256 its metadata
 * names ({@link #preload} reads that file first): well formed, its ECDSA P-256 low-S signature over
 * the RFC 8785 form, its certificate chained to a pinned CA and valid and unrevoked at the
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
  private final Map<String, String> altered = new ConcurrentHashMap<>();

  EnvelopeChecks(CertificateAuthenticator authenticator, Findings findings) {
    this.authenticator = authenticator;
    this.findings = findings;
  }

  long distinctEnvelopes() {
    return distinct.get();
  }

  /**
   * Reads {@code envelopes.jsonl} (bundle format v2) and verifies each envelope once, keyed by the
   * SHA-256 of its text; a line whose text does not hash to the digest it declares is kept aside,
   * so a v2 event naming that digest gets {@link Rule#ENVELOPE_DIGEST_MISMATCH}.
   */
  void preload(InputStream lines, ExecutorService pool, int threads) throws Exception {
    EventLines reader = new EventLines(lines);
    List<Future<?>> inFlight = new ArrayList<>();
    long number = 0;
    for (List<byte[]> batch = reader.next(64); !batch.isEmpty(); batch = reader.next(64)) {
      long first = number + 1;
      number += batch.size();
      List<byte[]> chunk = batch;
      inFlight.add(
          pool.submit(
              () -> {
                for (int i = 0; i < chunk.size(); i++) {
                  line(chunk.get(i), first + i);
                }
              }));
      if (inFlight.size() >= 4 * threads) {
        inFlight.remove(0).get();
      }
    }
    for (Future<?> f : inFlight) {
      f.get();
    }
  }

  private void line(byte[] bytes, long number) {
    String[] line;
    try {
      line = BundleCodec.envelope(BundleCodec.JSON.readTree(bytes));
    } catch (IOException | RuntimeException e) {
      findings.add(
          Rule.BUNDLE_MALFORMED, "bundle:" + AuditBundle.ENVELOPES + ":" + number, e.getMessage());
      return;
    }
    String actual = LedgerMetaData.envelopeSha256(line[1]);
    if (!actual.equals(line[0])) {
      altered.put(
          line[0],
          "line "
              + number
              + " of "
              + AuditBundle.ENVELOPES
              + " declares envelope "
              + line[0]
              + " but its text hashes to "
              + actual);
      return;
    }
    ByteBuffer key = ByteBuffer.wrap(HexFormat.of().parseHex(actual));
    if (!verified.containsKey(key) && verified.putIfAbsent(key, verify(line[1])) == null) {
      distinct.incrementAndGet();
    }
  }

  void check(LeafLine leaf) {
    String subject = Findings.event(leaf.eventId());
    JsonNode meta = leaf.metaData();
    Outcome outcome =
        LeafEncoder.FORMAT_V2.equals(leaf.format())
            ? byDigest(meta, subject)
            : inline(meta, subject);
    if (outcome == null) {
      return;
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

  /** The outcome of a v1 event's envelope, carried in its metadata. */
  private Outcome inline(JsonNode meta, String subject) {
    JsonNode envelope = meta == null ? null : meta.get(LedgerMetaData.ENVELOPE);
    if (envelope == null || !envelope.isTextual()) {
      findings.add(Rule.ENVELOPE_MISSING, subject, "metaData has no envelope string");
      return null;
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
    return outcome;
  }

  /** The outcome of a v2 event's envelope, found by the digest its metadata names. */
  private Outcome byDigest(JsonNode meta, String subject) {
    JsonNode digest = meta == null ? null : meta.get(LedgerMetaData.ENVELOPE_SHA256);
    if (digest == null || !digest.isTextual()) {
      findings.add(Rule.ENVELOPE_MISSING, subject, "metaData has no envelopeSha256 string");
      return null;
    }
    String hex = digest.textValue();
    Outcome outcome = null;
    if (hex.length() == 64 && hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
      try {
        outcome = verified.get(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
      } catch (IllegalArgumentException e) {
        outcome = null;
      }
    }
    if (outcome == null) {
      String detail = altered.get(hex);
      if (detail != null) {
        findings.add(Rule.ENVELOPE_DIGEST_MISMATCH, subject, detail);
      } else {
        findings.add(
            Rule.ENVELOPE_MISSING,
            subject,
            "no line of " + AuditBundle.ENVELOPES + " carries envelope " + hex);
      }
    }
    return outcome;
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
