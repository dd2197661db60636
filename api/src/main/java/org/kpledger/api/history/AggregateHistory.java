package org.kpledger.api.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
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

  AggregateHistory(EventStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  /** Every event of the aggregate in order; empty when it has none. */
  public List<HistoryEntry> of(String aggregateId) {
    return store.readEvents(aggregateId).asStream().map(this::entry).toList();
  }

  /**
   * Every event of the aggregate in order with its signer and envelope, its payload left unread
   * ({@code payload} null): who signed what, for lists that show no payload.
   */
  public List<HistoryEntry> signedStepsOf(String aggregateId) {
    return store.readEvents(aggregateId).asStream().map(m -> entry(m, false)).toList();
  }

  private HistoryEntry entry(DomainEventMessage<?> m) {
    return entry(m, true);
  }

  private HistoryEntry entry(DomainEventMessage<?> m, boolean withPayload) {
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
        text(meta, LedgerMetaData.ENVELOPE));
  }

  private static String text(MetaData meta, String key) {
    Object v = meta.get(key);
    return v == null ? null : v.toString();
  }
}
