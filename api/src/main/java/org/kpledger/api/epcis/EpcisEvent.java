package org.kpledger.api.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.kpledger.custody.LedgerCalendar;

/**
 * Builds one EPCIS 2.0 event: the common members (time, its offset in Bangui, record time, event
 * id) first, the type's members next, the {@code kp:} extension members last, among them the ledger
 * event id and its leaf index.
 */
final class EpcisEvent {
  /** UN/ECE Recommendation 20 code of the metric carat. */
  static final String CARAT = "CTM";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectNode node = NODES.objectNode();
  private final ObjectNode extensions = NODES.objectNode();

  private EpcisEvent(String type, LedgerEvent e, Instant eventTime) {
    node.put("type", type);
    node.put("eventTime", eventTime.toString());
    ZoneOffset offset = LedgerCalendar.ZONE.getRules().getOffset(eventTime);
    node.put("eventTimeZoneOffset", offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
    node.put("recordTime", e.recordedAt().toString());
    node.put("eventID", EpcisIdentifiers.event(e.eventId()));
    extensions.put("kp:ledgerEventId", e.eventId());
    if (e.leafIndex() != null) {
      extensions.put("kp:leafIndex", e.leafIndex());
    }
    extensions.put("kp:ledgerEventType", e.type());
  }

  /** An event of {@code type} ({@code ObjectEvent}...) for {@code e}, at its record time. */
  static EpcisEvent of(String type, LedgerEvent e) {
    return new EpcisEvent(type, e, e.recordedAt());
  }

  /** The same, at a field time the event states ({@code occurredAt}). */
  static EpcisEvent of(String type, LedgerEvent e, Instant eventTime) {
    return new EpcisEvent(type, e, eventTime);
  }

  /** {@code ADD}, {@code OBSERVE} or {@code DELETE}. */
  EpcisEvent action(String action) {
    node.put("action", action);
    return this;
  }

  /** A CBV 2.0 business step (bare word, as the EPCIS 2.0 JSON binding writes them). */
  EpcisEvent bizStep(String step) {
    node.put("bizStep", step);
    return this;
  }

  /** A CBV 2.0 disposition. */
  EpcisEvent disposition(String disposition) {
    node.put("disposition", disposition);
    return this;
  }

  /** Instance identifiers (a shipment). */
  EpcisEvent epcs(String member, String... uris) {
    ArrayNode list = node.putArray(member);
    for (String u : uris) {
      list.add(u);
    }
    return this;
  }

  /** A quantity list entry: an item and, when known, its mass in carats. */
  EpcisEvent quantity(String member, String itemId, JsonNode carats) {
    ArrayNode list = node.has(member) ? (ArrayNode) node.get(member) : node.putArray(member);
    ObjectNode q = list.addObject();
    q.put("epcClass", EpcisIdentifiers.item(itemId));
    BigDecimal ct = decimal(carats);
    if (ct != null) {
      q.put("quantity", ct);
      q.put("uom", CARAT);
    }
    return this;
  }

  /** A place (site) where it was seen and where the goods are after it. */
  EpcisEvent place(String uri) {
    node.putObject("readPoint").put("id", uri);
    node.putObject("bizLocation").put("id", uri);
    return this;
  }

  /** A business transaction: a KP certificate ({@code cert}), a purchase slip, a transfer. */
  EpcisEvent transaction(String type, String uri) {
    ObjectNode t = NODES.objectNode();
    if (type != null) {
      t.put("type", type);
    }
    t.put("bizTransaction", uri);
    node.withArrayProperty("bizTransactionList").add(t);
    return this;
  }

  /** A source ({@code owning_party}, {@code possessing_party}, {@code location}). */
  EpcisEvent source(String type, String uri) {
    node.withArrayProperty("sourceList").addObject().put("type", type).put("source", uri);
    return this;
  }

  /** A destination ({@code owning_party}, {@code possessing_party}, {@code location}). */
  EpcisEvent destination(String type, String uri) {
    node.withArrayProperty("destinationList").addObject().put("type", type).put("destination", uri);
    return this;
  }

  /** Any other member ({@code parentID}, {@code transformationID}, {@code ilmd}). */
  EpcisEvent put(String member, JsonNode value) {
    node.set(member, value);
    return this;
  }

  /** A {@code kp:} extension member, skipped when the value is missing. */
  EpcisEvent extension(String name, JsonNode value) {
    if (value != null && !value.isMissingNode() && !value.isNull()) {
      extensions.set("kp:" + name, value);
    }
    return this;
  }

  /** The finished event. */
  ObjectNode build() {
    ObjectNode out = node.deepCopy();
    out.setAll(extensions);
    return out;
  }

  static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }
}
