package org.kpledger.audit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kpledger.audit.fabric.ChannelConfirmationVerifier;

/**
 * Checks the events the node recorded from the Fabric channel, whose evidence is the channel's
 * transaction in their metadata, in place of a signed envelope ({@link
 * ChannelConfirmationVerifier}). Thread-safe.
 */
final class ChannelEvidenceChecks {

  private final ChannelConfirmationVerifier verifier;
  private final Findings findings;
  private final List<String> notes;
  private final AtomicBoolean noted = new AtomicBoolean();

  ChannelEvidenceChecks(
      ChannelConfirmationVerifier verifier, Findings findings, List<String> notes) {
    this.verifier = verifier;
    this.findings = findings;
    this.notes = notes;
  }

  /** Whether an event is recorded from the channel, so checked here rather than by envelope. */
  static boolean appliesTo(LeafLine leaf) {
    return ChannelConfirmationVerifier.EVENT_TYPE.equals(leaf.payloadType());
  }

  void check(LeafLine leaf, byte[] line) {
    try {
      verifier
          .verify(leaf.eventId(), LeafLine.payloadOf(line), leaf.metaData())
          .forEach(f -> findings.add(f.rule(), f.subject(), f.detail()));
    } catch (IOException e) {
      findings.add(Rule.BUNDLE_MALFORMED, Findings.event(leaf.eventId()), e.getMessage());
    }
    if (noted.compareAndSet(false, true)) {
      verifier.unpinnedNote().ifPresent(this::note);
    }
  }

  private void note(String note) {
    synchronized (notes) {
      notes.add(note);
    }
  }
}
