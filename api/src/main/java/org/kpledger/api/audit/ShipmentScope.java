package org.kpledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The events an auditor needs for one shipment: every event of the shipment, of its KP certificate,
 * of every parcel and lot in its lineage (followed backwards through merges, splits and origins),
 * and of the zones, sites, miners, licences and stockpiles those name. Reference aggregates are
 * included whole but not followed further.
 */
final class ShipmentScope {

  /** Members whose values name custody aggregates to follow (backwards lineage only). */
  private static final Set<String> FOLLOW =
      Set.of("parcelIds", "fromParcelId", "sourceParcelId", "lotId", "certificateNumber");

  /** Members whose values name reference aggregates to include. */
  private static final Set<String> INCLUDE =
      Set.of(
          "zoneId",
          "minerId",
          "siteId",
          "patenteNumber",
          "stockpileId",
          "exporterLicence",
          "buyerLicence");

  private final StoredEvents events;

  ShipmentScope(StoredEvents events) {
    this.events = events;
  }

  /** The event ids, or an empty set if the shipment has no events. */
  Set<String> eventIds(String shipmentId) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> visited = new LinkedHashSet<>();
    Set<String> references = new LinkedHashSet<>();
    Deque<String> custody = new ArrayDeque<>();
    custody.add(shipmentId);
    while (!custody.isEmpty()) {
      String aggregate = custody.poll();
      if (!visited.add(aggregate)) {
        continue;
      }
      for (StoredEvents.Stored e : events.ofAggregate(aggregate)) {
        ids.add(e.eventId());
        collect(e.payload(), custody, references);
      }
    }
    for (String reference : references) {
      if (!visited.contains(reference)) {
        events.ofAggregate(reference).forEach(e -> ids.add(e.eventId()));
      }
    }
    return ids;
  }

  private static void collect(JsonNode node, Deque<String> follow, Set<String> include) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, follow, include));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (FOLLOW.contains(field.getKey())) {
        names(value).forEach(follow::add);
      } else if (INCLUDE.contains(field.getKey())) {
        names(value).forEach(include::add);
      } else {
        collect(value, follow, include);
      }
    }
  }

  private static Set<String> names(JsonNode value) {
    Set<String> out = new LinkedHashSet<>();
    if (value.isTextual()) {
      out.add(value.textValue());
    } else if (value.isArray()) {
      value.forEach(v -> out.addAll(names(v)));
    }
    return out;
  }
}
