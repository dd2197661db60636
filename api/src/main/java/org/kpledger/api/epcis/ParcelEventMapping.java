package org.kpledger.api.epcis;

import static org.kpledger.api.epcis.EpcisIdentifiers.party;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The events of lots and parcels: a purchase or a declared stockpile item enters (ObjectEvent ADD,
 * {@code commissioning}); transfers, valuation, seals, re-weighing, quarantine and confiscation are
 * observed (ObjectEvent OBSERVE); merges and splits are transformations whose input and output
 * events share a transformation id; joining and leaving a shipment are aggregations with the
 * shipment as parent.
 */
final class ParcelEventMapping {
  private static final String OBJECT = "ObjectEvent";
  private static final String OWNER = "owning_party";
  private static final String POSSESSOR = "possessing_party";

  private ParcelEventMapping() {}

  static Optional<ObjectNode> map(LedgerEvent e) {
    JsonNode p = e.payload();
    String item = p.path("parcelId").asText(e.aggregateId());
    EpcisEvent out =
        switch (e.type()) {
          case "LotPurchasedEvent" -> purchase(e, p);
          case "StockpileItemDeclaredEvent" ->
              EpcisEvent.of(OBJECT, e)
                  .action("ADD")
                  .quantity("quantityList", item, p.path("carats"))
                  .bizStep("commissioning")
                  .disposition(
                      p.hasNonNull("quarantineReason") ? "sellable_not_accessible" : "active")
                  .destination(OWNER, party(p.path("holder").asText()))
                  .put("ilmd", stockpileMasterData(p));
          case "TransferOfferedEvent" -> transfer(e, p, item, "shipping", "in_transit");
          case "TransferAcceptedEvent" -> transfer(e, p, item, "receiving", "active");
          case "TransferCancelledEvent" ->
              observe(e, item, "void_shipping", "active")
                  .transaction(null, EpcisIdentifiers.transfer(p.path("transferId").asText()));
          case "ParcelMergedEvent" -> output(e, "MERGE", item, item, p.path("carats"));
          case "ParcelSplitOffEvent" ->
              output(e, "SPLIT", p.path("sourceParcelId").asText(), item, p.path("carats"));
          case "ParcelConsumedEvent" -> consumed(e, p, item);
          case "WeighingDifferenceRecordedEvent" ->
              EpcisEvent.of(OBJECT, e)
                  .action("OBSERVE")
                  .quantity("quantityList", item, p.path("measuredCarats"))
                  .bizStep("inspecting")
                  .extension("previousCarats", p.path("previousCarats"))
                  .extension("reason", p.path("reason"));
          case "ParcelValuedEvent" ->
              EpcisEvent.of(OBJECT, e)
                  .action("OBSERVE")
                  .quantity("quantityList", item, p.path("carats"))
                  .bizStep("inspecting")
                  .extension("valueUsd", p.path("valueUsd"))
                  .extension("priceListVersion", p.path("priceListVersion"));
          case "ParcelSealedEvent" ->
              observe(e, item, "packing", "container_closed")
                  .extension("seal", text(EpcisIdentifiers.seal(p.path("sealId").asText())));
          case "SealOpenedEvent" ->
              observe(e, item, "unpacking", "container_open")
                  .extension("seal", text(EpcisIdentifiers.seal(p.path("sealId").asText())))
                  .extension("reason", p.path("reason"));
          case "QuarantineClearedEvent" ->
              observe(e, item, "inspecting", "sellable_accessible")
                  .extension("auditReference", p.path("auditReference"))
                  .extension("criteria", p.path("criteria"));
          case "ParcelConfiscatedEvent" ->
              observe(e, item, "holding", "non_sellable_other")
                  .source(OWNER, party(p.path("previousHolder").asText()))
                  .destination(POSSESSOR, party(p.path("authority").asText()))
                  .extension("confiscationRef", p.path("confiscationRef"))
                  .extension("reason", p.path("reason"));
          case "ConfiscationDisposedEvent" -> disposed(e, p, item);
          case "ParcelAssignedToShipmentEvent" ->
              aggregation(e, p, item, "OBSERVE")
                  .bizStep("staging_outbound")
                  .disposition("container_closed");
          case "ParcelReleasedFromShipmentEvent" ->
              aggregation(e, p, item, "DELETE").bizStep("unpacking").disposition("container_open");
          case "ParcelExportedEvent" ->
              observe(e, item, "departing", "in_transit")
                  .transaction(
                      "cert", EpcisIdentifiers.certificate(p.path("certificateNumber").asText()));
          default -> null;
        };
    return Optional.ofNullable(out).map(EpcisEvent::build);
  }

  private static EpcisEvent purchase(LedgerEvent e, JsonNode p) {
    ObjectNode ilmd = EpcisEvent.object();
    ilmd.put("kp:zone", EpcisIdentifiers.zone(p.path("zoneId").asText()));
    ilmd.put("kp:site", EpcisIdentifiers.site(p.path("siteId").asText()));
    ilmd.put("kp:miner", party(p.path("minerId").asText()));
    ilmd.set("kp:patente", p.path("patenteNumber"));
    ilmd.set("kp:stoneCount", p.path("stoneCount"));
    ilmd.set("kp:priceUsd", p.path("priceUsd"));
    ilmd.set("kp:zoneCompliantOnPurchaseDay", p.path("zoneCompliantOnPurchaseDay"));
    Instant occurred =
        p.hasNonNull("occurredAt") ? Instant.parse(p.path("occurredAt").asText()) : null;
    return EpcisEvent.of(OBJECT, e, occurred == null ? e.recordedAt() : occurred)
        .action("ADD")
        .quantity("quantityList", p.path("lotId").asText(e.aggregateId()), p.path("carats"))
        .bizStep("commissioning")
        .disposition("active")
        .place(EpcisIdentifiers.site(p.path("siteId").asText()))
        .transaction("inv", EpcisIdentifiers.slip(p.path("slipNumber").asText()))
        .source(OWNER, party(p.path("minerId").asText()))
        .destination(OWNER, party(p.path("buyerParty").asText()))
        .put("ilmd", ilmd)
        .extension("buyerLicence", p.path("buyerLicence"));
  }

  private static ObjectNode stockpileMasterData(JsonNode p) {
    ObjectNode ilmd = EpcisEvent.object();
    ilmd.set("kp:stockpile", p.path("stockpileId"));
    ilmd.put("kp:zone", EpcisIdentifiers.zone(p.path("zoneId").asText()));
    ilmd.set("kp:acquiredOn", p.path("acquiredOn"));
    ilmd.set("kp:description", p.path("description"));
    if (p.hasNonNull("quarantineReason")) {
      ilmd.set("kp:quarantineReason", p.path("quarantineReason"));
    }
    return ilmd;
  }

  private static EpcisEvent transfer(
      LedgerEvent e, JsonNode p, String item, String step, String disposition) {
    EpcisEvent t =
        observe(e, item, step, disposition)
            .transaction(null, EpcisIdentifiers.transfer(p.path("transferId").asText()))
            .source(POSSESSOR, party(p.path("fromParty").asText()))
            .destination(POSSESSOR, party(p.path("toParty").asText()));
    if (p.hasNonNull("sealId")) {
      t.extension("seal", text(EpcisIdentifiers.seal(p.path("sealId").asText())));
    }
    return t;
  }

  /** The merged parcel or a split part: the output side of the transformation. */
  private static EpcisEvent output(
      LedgerEvent e, String operation, String named, String item, JsonNode carats) {
    return EpcisEvent.of("TransformationEvent", e)
        .quantity("outputQuantityList", item, carats)
        .put("transformationID", text(EpcisIdentifiers.transformation(operation, named)))
        .bizStep("repackaging")
        .disposition("active")
        .destination(POSSESSOR, party(e.payload().path("holder").asText()));
  }

  /** A source of a merge or the parcel split: the input side, with the carats it gave. */
  private static EpcisEvent consumed(LedgerEvent e, JsonNode p, String item) {
    String operation = p.path("operation").asText();
    JsonNode edges = p.path("edges");
    BigDecimal given = BigDecimal.ZERO;
    for (JsonNode edge : edges) {
      given = given.add(EpcisEvent.decimal(edge.path("carats")));
    }
    String named = "MERGE".equals(operation) ? edges.path(0).path("toParcelId").asText() : item;
    return EpcisEvent.of("TransformationEvent", e)
        .quantity("inputQuantityList", item, EpcisEvent.object().numberNode(given))
        .put("transformationID", text(EpcisIdentifiers.transformation(operation, named)))
        .bizStep("repackaging")
        .extension("operation", p.path("operation"));
  }

  private static EpcisEvent disposed(LedgerEvent e, JsonNode p, String item) {
    boolean returned = "RETURNED".equals(p.path("disposition").asText());
    EpcisEvent d =
        returned
            ? observe(e, item, "holding", "returned")
                .destination(OWNER, party(p.path("holder").asText()))
            : EpcisEvent.of(OBJECT, e)
                .action("DELETE")
                .quantity("quantityList", item, null)
                .bizStep("decommissioning")
                .disposition("inactive");
    return d.extension("disposition", p.path("disposition")).extension("reason", p.path("reason"));
  }

  private static EpcisEvent aggregation(LedgerEvent e, JsonNode p, String item, String action) {
    return EpcisEvent.of("AggregationEvent", e)
        .put("parentID", text(EpcisIdentifiers.shipment(p.path("shipmentId").asText())))
        .quantity("childQuantityList", item, null)
        .action(action);
  }

  static EpcisEvent observe(LedgerEvent e, String item, String step, String disposition) {
    EpcisEvent o =
        EpcisEvent.of(OBJECT, e)
            .action("OBSERVE")
            .quantity("quantityList", item, null)
            .bizStep(step);
    return disposition == null ? o : o.disposition(disposition);
  }

  static JsonNode text(String s) {
    return EpcisEvent.object().textNode(s);
  }
}
