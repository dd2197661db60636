package org.kpledger.api.epcis;

import static org.kpledger.api.epcis.ParcelEventMapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events of shipments and KP certificates. The exporter's proposal packs the parcels into the
 * shipment (AggregationEvent ADD, {@code packing}); the Monitoring Team's decision, the
 * certificate, the export and the importing authority's confirmation are observations of the
 * shipment (ObjectEvent OBSERVE, the shipment's URI in {@code epcList}) that name the KP
 * certificate as a {@code cert} business transaction.
 */
final class ShipmentEventMapping {
  private static final String OBJECT = "ObjectEvent";

  private ShipmentEventMapping() {}

  /**
   * The EPCIS event, or empty if {@code e} is not a shipment or certificate event; {@code
   * shipmentOf} names the shipment of a certificate number when the event itself does not.
   */
  static Optional<ObjectNode> map(LedgerEvent e, Function<String, Optional<String>> shipmentOf) {
    JsonNode p = e.payload();
    String number = p.path("certificateNumber").asText(null);
    String shipment =
        p.hasNonNull("shipmentId")
            ? p.path("shipmentId").asText()
            : Optional.ofNullable(number).flatMap(shipmentOf).orElse(null);
    EpcisEvent out =
        switch (e.type()) {
          case "ShipmentProposedEvent" -> proposed(e, p);
          case "ShipmentApprovedEvent" ->
              observe(e, shipment, number, "inspecting", "conformant")
                  .extension("decisionRef", p.path("decisionRef"));
          case "ShipmentRejectedEvent" ->
              observe(e, shipment, number, "inspecting", "non_conformant")
                  .extension("reason", p.path("reason"));
          case "ShipmentCertifiedEvent", "CertificateIssuedEvent" ->
              observe(e, shipment, number, "inspecting", "conformant")
                  .extension("issuingAuthority", p.path("issuingAuthority"))
                  .extension("issuedOn", p.path("issuedOn"))
                  .extension("expiresOn", p.path("expiresOn"))
                  .extension("hsCode", p.path("hsCode"))
                  .extension("countryOfOrigin", p.path("countryOfOrigin"))
                  .extension("parcelCount", p.path("parcelCount"))
                  .extension("carats", p.path("carats"))
                  .extension("valueUsd", p.path("valueUsd"));
          case "ShipmentExportedEvent", "CertificateUsedForExportEvent" ->
              observe(e, shipment, number, "departing", "in_transit")
                  .extension("exportedOn", p.path("exportedOn"));
          case "CertificateConfirmedOnChannelEvent" ->
              observe(e, shipment, number, "inspecting", "conformant")
                  .extension("channel", p.path("channel"))
                  .extension("fabricTxId", p.path("txId"))
                  .extension("fabricBlock", p.path("blockNumber"))
                  .extension("confirmingMsp", p.path("confirmingMsp"));
          case "CertificateEndorsedEvent" ->
              observe(e, shipment, number, "inspecting", null)
                  .extension("endorsedField", p.path("field"))
                  .extension("previousValue", p.path("previousValue"))
                  .extension("correctedValue", p.path("correctedValue"))
                  .extension("reason", p.path("reason"));
          case "CertificateVoidedEvent" ->
              observe(e, shipment, number, "void_shipping", "inactive")
                  .extension("reason", p.path("reason"));
          case "ImportConfirmedEvent" ->
              observe(
                      e,
                      shipment,
                      number,
                      "receiving",
                      p.path("mismatches").isEmpty() ? "conformant" : "non_conformant")
                  .extension("importingAuthority", p.path("importingAuthority"))
                  .extension("receivedOn", p.path("receivedOn"))
                  .extension("carats", p.path("carats"))
                  .extension("parcelCount", p.path("parcelCount"))
                  .extension("mismatches", p.path("mismatches"));
          default -> null;
        };
    return Optional.ofNullable(out).map(EpcisEvent::build);
  }

  private static EpcisEvent proposed(LedgerEvent e, JsonNode p) {
    EpcisEvent a =
        EpcisEvent.of("AggregationEvent", e)
            .put("parentID", text(EpcisIdentifiers.shipment(p.path("shipmentId").asText())));
    for (JsonNode parcel : p.path("parcelIds")) {
      a.quantity("childQuantityList", parcel.asText(), null);
    }
    return a.action("ADD")
        .bizStep("packing")
        .disposition("container_closed")
        .source("owning_party", EpcisIdentifiers.party(p.path("exporter").asText()))
        .destination(
            "location", EpcisIdentifiers.country(p.path("importer").path("country").asText()))
        .extension("importerName", p.path("importer").path("name"))
        .extension("exporterLicence", p.path("exporterLicence"))
        .extension("carats", p.path("carats"))
        .extension("valueUsd", p.path("valueUsd"))
        .extension("proposedOn", p.path("proposedOn"));
  }

  /** An observation of the shipment (or of the certificate alone when its shipment is unknown). */
  private static EpcisEvent observe(
      LedgerEvent e, String shipment, String number, String step, String disposition) {
    EpcisEvent o =
        EpcisEvent.of(OBJECT, e)
            .action("OBSERVE")
            .epcs(
                "epcList",
                shipment != null
                    ? EpcisIdentifiers.shipment(shipment)
                    : EpcisIdentifiers.certificate(number))
            .bizStep(step);
    if (disposition != null) {
      o.disposition(disposition);
    }
    if (number != null) {
      o.transaction("cert", EpcisIdentifiers.certificate(number));
    }
    return o;
  }
}
