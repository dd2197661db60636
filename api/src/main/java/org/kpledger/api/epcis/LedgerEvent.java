package org.kpledger.api.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event as the event store holds it, with its place in the verifiable log.
 *
 * @param eventId the ledger event id (Axon's event identifier)
 * @param aggregateId the lot, parcel, shipment or certificate it belongs to
 * @param type the event's simple class name ({@code LotPurchasedEvent})
 * @param payload its fields, as stored
 * @param recordedAt the ledger's record time of the command that caused it
 * @param leafIndex its leaf in the Merkle log, or null while the anchoring processor has not
 *     reached it
 */
record LedgerEvent(
    String eventId,
    String aggregateId,
    String type,
    JsonNode payload,
    Instant recordedAt,
    Long leafIndex) {}
