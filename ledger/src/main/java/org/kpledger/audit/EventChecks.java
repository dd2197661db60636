package org.kpledger.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.audit.AuditBundle.Leaf;
import org.kpledger.merkle.MerkleHash;

/**
 * Reads the event lines once, in batches on all cores: each line's leaf hash {@code SHA-256(0x00 ||
 * line)} against the leaf the log lists for its event, each event one leaf, and (in full mode) the
 * envelope (for an event recorded from the Fabric channel, its channel evidence). Afterwards:
 * leaves whose event is absent, and gaps in aggregate sequences.
 */
final class EventChecks {

  private static final int BATCH = 256;
  private static final String CRL_EVENT = "org.kpledger.revocation.RevocationListPublishedEvent";

  private final List<Leaf> leaves;
  private final Findings findings;
  private final EnvelopeChecks envelopes;
  private final ChannelEvidenceChecks channel;
  private final Set<String> crls;
  private final Map<String, Integer> positions;
  private final AtomicIntegerArray seen;
  private final String[] aggregateOf;
  private final long[] sequenceOf;
  private final AtomicLong lines = new AtomicLong();
  private volatile Map<ByteBuffer, Long> byHash;
  private boolean wholeAggregates;

  /**
   * @param envelopes the envelope checks, or {@code null} for hash-only
   * @param channel the checks of events recorded from the Fabric channel, used in place of the
   *     envelope checks for them; {@code null} for hash-only
   * @param crls the base64 DER of the bundle's CRLs
   */
  EventChecks(
      List<Leaf> leaves,
      Findings findings,
      EnvelopeChecks envelopes,
      ChannelEvidenceChecks channel,
      Set<String> crls) {
    this.leaves = leaves;
    this.findings = findings;
    this.envelopes = envelopes;
    this.channel = channel;
    this.crls = crls;
    this.positions = new HashMap<>(leaves.size() * 2);
    for (int i = 0; i < leaves.size(); i++) {
      positions.putIfAbsent(leaves.get(i).eventId(), i);
    }
    this.seen = new AtomicIntegerArray(leaves.size());
    this.aggregateOf = new String[leaves.size()];
    this.sequenceOf = new long[leaves.size()];
  }

  /** Requires every aggregate's events to start at sequence number 0 (a shipment bundle). */
  EventChecks wholeAggregates() {
    this.wholeAggregates = true;
    return this;
  }

  long lines() {
    return lines.get();
  }

  void run(InputStream events, ExecutorService pool, int threads) throws Exception {
    EventLines reader = new EventLines(events);
    List<Future<?>> inFlight = new ArrayList<>();
    long number = 0;
    for (List<byte[]> batch = reader.next(BATCH); !batch.isEmpty(); batch = reader.next(BATCH)) {
      long first = number + 1;
      number += batch.size();
      List<byte[]> lines = batch;
      inFlight.add(pool.submit(() -> batch(lines, first)));
      if (inFlight.size() >= 4 * threads) {
        inFlight.remove(0).get();
      }
    }
    for (Future<?> f : inFlight) {
      f.get();
    }
    afterwards();
  }

  private void batch(List<byte[]> batch, long firstLine) {
    for (int i = 0; i < batch.size(); i++) {
      one(batch.get(i), firstLine + i);
    }
    lines.addAndGet(batch.size());
  }

  private void one(byte[] line, long number) {
    byte[] hash = MerkleHash.leafHash(line);
    LeafLine leaf;
    try {
      leaf = envelopes != null ? LeafLine.parse(line, true) : LeafLine.skim(line);
      Integer at = positions.get(leaf.eventId());
      if (envelopes == null && (at == null || !MerkleHash.equal(hash, leaves.get(at).leafHash()))) {
        leaf = LeafLine.parse(line, false);
      }
    } catch (IOException | RuntimeException e) {
      findings.add(
          Rule.BUNDLE_MALFORMED, "bundle:" + AuditBundle.EVENTS + ":" + number, e.getMessage());
      return;
    }
    String subject = Findings.event(leaf.eventId());
    if (!LeafEncoder.FORMAT.equals(leaf.format()) && !LeafEncoder.FORMAT_V2.equals(leaf.format())) {
      findings.add(Rule.BUNDLE_MALFORMED, subject, "leaf format '" + leaf.format() + "'");
    }
    Integer position = positions.get(leaf.eventId());
    if (position == null) {
      findings.add(Rule.EVENT_MISSING_FROM_LOG, subject, "no leaf of the log records this event");
    } else {
      if (seen.getAndIncrement(position) > 0) {
        findings.add(Rule.BUNDLE_MALFORMED, subject, "the event is in events.jsonl twice");
      }
      Leaf listed = leaves.get(position);
      if (!MerkleHash.equal(hash, listed.leafHash())) {
        mismatch(line, hash, listed, subject);
      }
      aggregateOf[position] = leaf.aggregateId();
      sequenceOf[position] = leaf.sequenceNumber() == null ? -1 : leaf.sequenceNumber();
    }
    if (envelopes != null) {
      if (ChannelEvidenceChecks.appliesTo(leaf)) {
        channel.check(leaf, line);
      } else {
        envelopes.check(leaf);
      }
      if (CRL_EVENT.equals(leaf.payloadType()) && !crls.contains(crlOf(line))) {
        findings.add(
            Rule.CRL_MISSING, subject, "the CRL this event published is not in crls.jsonl");
      }
    }
  }

  private static String crlOf(byte[] line) {
    try {
      return LeafLine.payloadOf(line).path("crl").asText();
    } catch (IOException e) {
      return "";
    }
  }

  private void mismatch(byte[] line, byte[] hash, Leaf listed, String subject) {
    Long elsewhere = byHash().get(ByteBuffer.wrap(hash));
    if (elsewhere != null) {
      findings.add(
          Rule.LEAF_ORDER_MISMATCH,
          subject,
          "its bytes are leaf "
              + elsewhere
              + ", the log lists the event as leaf "
              + listed.leafIndex());
      return;
    }
    try {
      byte[] canonical = LeafEncoder.rfc8785(BundleCodec.JSON.readTree(line));
      if (MerkleHash.equal(MerkleHash.leafHash(canonical), listed.leafHash())) {
        findings.add(Rule.LEAF_NOT_CANONICAL, subject, "the line is not in RFC 8785 form");
        return;
      }
    } catch (IOException | RuntimeException e) {
      // reported as a mismatch below
    }
    findings.add(
        Rule.LEAF_HASH_MISMATCH,
        subject,
        "the event's leaf bytes hash to "
            + MerkleHash.hex(hash)
            + ", leaf "
            + listed.leafIndex()
            + " of the log is "
            + MerkleHash.hex(listed.leafHash()));
  }

  private Map<ByteBuffer, Long> byHash() {
    Map<ByteBuffer, Long> map = byHash;
    if (map == null) {
      synchronized (this) {
        if (byHash == null) {
          Map<ByteBuffer, Long> built = new HashMap<>(leaves.size() * 2);
          leaves.forEach(l -> built.putIfAbsent(ByteBuffer.wrap(l.leafHash()), l.leafIndex()));
          byHash = built;
        }
        map = byHash;
      }
    }
    return map;
  }

  private void afterwards() {
    Map<String, Long> last = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < leaves.size(); i++) {
      Leaf l = leaves.get(i);
      if (seen.get(i) == 0) {
        if (positions.get(l.eventId()) == i) {
          findings.add(
              Rule.EVENT_MISSING_FROM_BUNDLE,
              Findings.event(l.eventId()),
              "leaf " + l.leafIndex() + " records this event; the bundle does not hold it");
        }
        continue;
      }
      String aggregate = aggregateOf[i];
      if (aggregate == null || sequenceOf[i] < 0) {
        continue;
      }
      Long previous = last.put(aggregate, sequenceOf[i]);
      if (previous == null && wholeAggregates) {
        previous = -1L;
      }
      if (previous != null && sequenceOf[i] != previous + 1 && reported.add(aggregate)) {
        findings.add(
            Rule.AGGREGATE_SEQUENCE_GAP,
            "aggregate:" + aggregate,
            "sequence number "
                + sequenceOf[i]
                + " (leaf "
                + l.leafIndex()
                + ") follows "
                + previous);
      }
    }
  }
}
