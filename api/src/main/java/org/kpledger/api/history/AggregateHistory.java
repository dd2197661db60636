package org.kpledger.api.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.kpledger.api.envelope.CommandEnvelopes;
import org.kpledger.custody.LedgerMetaData;
import org.springframework.stereotype.Component;

/**
 * An aggregate's events straight from the event store (the truth, not a projection), each with its
 * signer's identity and envelope.
 */
@Component
public class AggregateHistory {
  private final EventStore store;
  private final ObjectMapper json;
  private final CommandEnvelopes envelopes;

  AggregateHistory(EventStore store, ObjectMapper json, CommandEnvelopes envelopes) {
    this.store = store;
    this.json = json;
    this.envelopes = envelopes;
  }

  /** Every event of the aggregate in order; empty when it has none. */
  public List<HistoryEntry> of(String aggregateId) {
    return entries(aggregateId, true);
  }

  /**
   * Every event of the aggregate in order with its signer and envelope, its payload left unread
   * ({@code payload} null): who signed what, for lists that show no payload.
   */
  public List<HistoryEntry> signedStepsOf(String aggregateId) {
    return entries(aggregateId, false);
  }

  /**
   * The entries of an aggregate's events. An event written since leaf format v2 carries its
   * envelope's digest, not the envelope: the envelopes of those commands are read in one go and
   * each entry shows its command's envelope as before.
   */
  private List<HistoryEntry> entries(String aggregateId, boolean withPayload) {
    List<? extends DomainEventMessage<?>> events =
        store.readEvents(aggregateId).asStream().toList();
    Set<String> byDigest = new HashSet<>();
    for (DomainEventMessage<?> m : events) {
      MetaData meta = m.getMetaData();
      if (!meta.containsKey(LedgerMetaData.ENVELOPE)
          && meta.containsKey(LedgerMetaData.ENVELOPE_SHA256)
          && meta.containsKey(LedgerMetaData.COMMAND_ID)) {
        byDigest.add(meta.get(LedgerMetaData.COMMAND_ID).toString());
      }
    }
    Map<String, String> stored = byDigest.isEmpty() ? Map.of() : envelopes.findAll(byDigest);
    return events.stream().map(m -> entry(m, withPayload, stored)).toList();
  }

  private HistoryEntry entry(
      DomainEventMessage<?> m, boolean withPayload, Map<String, String> stored) {
    MetaData meta = m.getMetaData();
    Object recorded = meta.get(LedgerMetaData.RECORDED_AT);
    return new HistoryEntry(
        m.getSequenceNumber(),
        null,
        m.getPayloadType().getSimpleName(),
        m.getTimestamp(),
        recorded == null ? null : Instant.parse(recorded.toString()),
        text(meta, LedgerMetaData.ACTOR_ID),
        text(meta, LedgerMetaData.ORGANISATION_ID),
        text(meta, LedgerMetaData.ORGANISATION_TYPE),
        text(meta, LedgerMetaData.ROLE),
        text(meta, LedgerMetaData.COMMAND_ID),
        withPayload ? json.valueToTree(m.getPayload()) : null,
        envelope(meta, stored));
  }

  private static String envelope(MetaData meta, Map<String, String> stored) {
    String inline = text(meta, LedgerMetaData.ENVELOPE);
    if (inline != null) {
      return inline;
    }
    String commandId = text(meta, LedgerMetaData.COMMAND_ID);
    return commandId == null ? null : stored.get(commandId);
  }

  private static String text(MetaData meta, String key) {
    Object v = meta.get(key);
    return v == null ? null : v.toString();
  }
}
