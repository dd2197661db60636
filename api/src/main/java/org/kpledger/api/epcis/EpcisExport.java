package org.kpledger.api.epcis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.api.certificate.CertificateQueries;
import org.kpledger.api.certificate.CertificateRecord;
import org.kpledger.api.lineage.TraceBackQuery;
import org.kpledger.api.shipment.ShipmentRow;
import org.springframework.stereotype.Component;

/**
 * Builds EPCIS 2.0 documents: the custody events of a leaf range filtered by event time, or every
 * custody event of one shipment's lineage (the shipment, its KP certificate and every lot and
 * parcel the trace back walks: the same aggregates as the shipment dossier's signature pages).
 */
@Component
class EpcisExport {
  /** The EPCIS 2.0 JSON-LD context every document names. */
  static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

  private static final int CHUNK = 1000;
  private final LedgerEvents events;
  private final TraceBackQuery traces;
  private final CustodyEventMapper mapper;
  private final Clock clock;

  EpcisExport(
      LedgerEvents events, TraceBackQuery traces, CertificateQueries certificates, Clock clock) {
    this.events = events;
    this.traces = traces;
    this.mapper =
        new CustodyEventMapper(n -> certificates.find(n).map(CertificateRecord::shipmentId));
    this.clock = clock;
  }

  /**
   * Up to {@code limit} custody events with an event time in {@code [from, to)}, scanning the log
   * from leaf {@code fromLeaf}; {@code kp:nextFromLeaf} says where the next page starts while the
   * scan stopped before the end of the log.
   */
  ObjectNode range(Instant from, Instant to, long fromLeaf, int limit) {
    List<ObjectNode> out = new ArrayList<>();
    long cursor = fromLeaf;
    boolean more = true;
    while (more && out.size() < limit) {
      List<LedgerEvent> chunk = events.leaves(cursor, CHUNK);
      more = chunk.size() == CHUNK;
      for (LedgerEvent e : chunk) {
        if (out.size() == limit) {
          more = true;
          break;
        }
        cursor = e.leafIndex() + 1;
        mapper
            .map(e)
            .filter(n -> within(Instant.parse(n.get("eventTime").asText()), from, to))
            .ifPresent(out::add);
      }
    }
    ObjectNode doc = document(out);
    if (more) {
      doc.put("kp:nextFromLeaf", cursor);
    }
    return doc;
  }

  /** Every custody event of the shipment's lineage, in leaf order. */
  ObjectNode lineage(ShipmentRow s) {
    List<String> aggregates = new ArrayList<>();
    aggregates.add(s.shipmentId());
    Optional.ofNullable(s.certificateNumber()).ifPresent(aggregates::add);
    aggregates.addAll(traces.walk(s.parcelIds()).itemIds());
    List<ObjectNode> out = new ArrayList<>();
    for (LedgerEvent e : events.ofAggregates(aggregates)) {
      mapper.map(e).ifPresent(out::add);
    }
    ObjectNode doc = document(out);
    doc.put("kp:shipment", EpcisIdentifiers.shipment(s.shipmentId()));
    return doc;
  }

  private ObjectNode document(List<ObjectNode> list) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    ArrayNode context = doc.putArray("@context");
    context.add(CONTEXT);
    context.addObject().put("kp", EpcisIdentifiers.VOCABULARY);
    doc.put("type", "EPCISDocument");
    doc.put("schemaVersion", "2.0");
    doc.put("creationDate", clock.instant().toString());
    doc.putObject("epcisBody").putArray("eventList").addAll(list);
    return doc;
  }

  private static boolean within(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && t.isBefore(to);
  }
}
