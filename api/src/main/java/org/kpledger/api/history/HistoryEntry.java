package org.kpledger.api.history;

import java.time.Instant;

/**
 * One event of an aggregate with the identity of whoever signed the command that caused it.
 *
 * @param sequenceNumber its position in the aggregate's history
 * @param globalIndex omitted (null) where the store does not expose it
 * @param eventType the event's simple class name
 * @param recordedAt the ledger's record time of the command
 * @param envelope the signed envelope exactly as the actor signed it (JSON), for re-verification
 * @param payload the event's fields
 */
public record HistoryEntry(
    long sequenceNumber,
    Long globalIndex,
    String eventType,
    Instant timestamp,
    Instant recordedAt,
    String actorId,
    String organisationId,
    String organisationType,
    String role,
    String commandId,
    Object payload,
    String envelope) {}
