package org.kpledger.api.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kpledger.certificate.CertificateConfirmedOnChannelEvent;
import org.kpledger.certificate.CertificateEndorsedEvent;
import org.kpledger.certificate.CertificateIssuedEvent;
import org.kpledger.certificate.CertificateUsedForExportEvent;
import org.kpledger.certificate.CertificateVoidedEvent;
import org.kpledger.certificate.EndorsableField;
import org.kpledger.certificate.ImportConfirmedEvent;
import org.kpledger.parcel.ConfiscationDisposedEvent;
import org.kpledger.parcel.Disposition;
import org.kpledger.parcel.LineageEdge;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.parcel.ParcelAssignedToShipmentEvent;
import org.kpledger.parcel.ParcelConfiscatedEvent;
import org.kpledger.parcel.ParcelConsumedEvent;
import org.kpledger.parcel.ParcelExportedEvent;
import org.kpledger.parcel.ParcelMergedEvent;
import org.kpledger.parcel.ParcelReleasedFromShipmentEvent;
import org.kpledger.parcel.ParcelSealedEvent;
import org.kpledger.parcel.ParcelSplitOffEvent;
import org.kpledger.parcel.ParcelValuedEvent;
import org.kpledger.parcel.QuarantineClearedEvent;
import org.kpledger.parcel.SealOpenedEvent;
import org.kpledger.parcel.StockpileItemDeclaredEvent;
import org.kpledger.parcel.TransferAcceptedEvent;
import org.kpledger.parcel.TransferCancelledEvent;
import org.kpledger.parcel.TransferOfferedEvent;
import org.kpledger.parcel.WeighingDifferenceRecordedEvent;
import org.kpledger.shipment.Importer;
import org.kpledger.shipment.ShipmentApprovedEvent;
import org.kpledger.shipment.ShipmentCertifiedEvent;
import org.kpledger.shipment.ShipmentExportedEvent;
import org.kpledger.shipment.ShipmentProposedEvent;
import org.kpledger.shipment.ShipmentRejectedEvent;

/**
 * Every custody event type of the ledger maps to the EPCIS event type and CBV vocabulary the README
 * names, and a document of all of them validates against GS1's schema; the schema refuses the same
 * document with a required member removed.
 */
class CustodyEventMapperTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Instant AT = Instant.parse("2019-03-04T10:15:30Z");
  private static final BigDecimal CT = new BigDecimal("12.50");
  private static final LocalDate DAY = LocalDate.of(2019, 3, 4);

  private final CustodyEventMapper mapper =
      new CustodyEventMapper(n -> Optional.of("SH-1").filter(s -> n.equals("CF-1")));

  /** Each event with its expected EPCIS type, action (or null) and business step. */
  private static Map<Object, String> everyCustodyEvent() {
    List<LineageEdge> merge = List.of(new LineageEdge("P-1", "P-M", CT));
    Map<Object, String> m = new LinkedHashMap<>();
    m.put(
        new LotPurchasedEvent(
            "L-1", "S-1", "M-1", "PAT-1", "SITE-1", "Z-1", "BO-A", "LIC-1", CT, 3, CT, AT, true,
            false),
        "ObjectEvent ADD commissioning");
    m.put(
        new StockpileItemDeclaredEvent("P-S", "ST-1", "BO-A", CT, "Z-1", DAY, "bag", "pre-2013"),
        "ObjectEvent ADD commissioning");
    m.put(
        new TransferOfferedEvent("P-1", "T-1", "BO-A", "BO-B", "SEAL-1", DAY, false),
        "ObjectEvent OBSERVE shipping");
    m.put(
        new TransferAcceptedEvent("P-1", "T-1", "BO-A", "BO-B", null, DAY, false),
        "ObjectEvent OBSERVE receiving");
    m.put(new TransferCancelledEvent("P-1", "T-1"), "ObjectEvent OBSERVE void_shipping");
    m.put(new ParcelConsumedEvent("P-1", "MERGE", merge), "TransformationEvent - repackaging");
    m.put(
        new ParcelMergedEvent("P-M", "BO-A", merge, CT, List.of()),
        "TransformationEvent - repackaging");
    m.put(
        new ParcelConsumedEvent("P-M", "SPLIT", List.of(new LineageEdge("P-M", "P-2", CT))),
        "TransformationEvent - repackaging");
    m.put(
        new ParcelSplitOffEvent("P-2", "P-M", "BO-A", CT, List.of()),
        "TransformationEvent - repackaging");
    m.put(
        new WeighingDifferenceRecordedEvent("P-2", CT, CT, "scale"),
        "ObjectEvent OBSERVE inspecting");
    m.put(new ParcelValuedEvent("P-2", CT, "PL-2019", CT), "ObjectEvent OBSERVE inspecting");
    m.put(new ParcelSealedEvent("P-2", "SEAL-2"), "ObjectEvent OBSERVE packing");
    m.put(new SealOpenedEvent("P-2", "SEAL-2", "audit"), "ObjectEvent OBSERVE unpacking");
    m.put(
        new QuarantineClearedEvent("P-S", "AUD-1", "MT criteria"),
        "ObjectEvent OBSERVE inspecting");
    m.put(
        new ParcelConfiscatedEvent("P-3", "C-1", "fraud", "BO-A", "CAR-KP"),
        "ObjectEvent OBSERVE holding");
    m.put(
        new ConfiscationDisposedEvent("P-3", Disposition.FORFEITED, "court", "CAR-KP"),
        "ObjectEvent DELETE decommissioning");
    m.put(
        new ConfiscationDisposedEvent("P-4", Disposition.RETURNED, "court", "BO-A"),
        "ObjectEvent OBSERVE holding");
    m.put(
        new ShipmentProposedEvent(
            "SH-1",
            "BO-A",
            "LIC-1",
            new Importer("Antwerp NV", "BE"),
            List.of("P-2"),
            CT,
            CT,
            List.of(),
            DAY,
            false),
        "AggregationEvent ADD packing");
    m.put(
        new ParcelAssignedToShipmentEvent("P-2", "SH-1"),
        "AggregationEvent OBSERVE staging_outbound");
    m.put(new ParcelReleasedFromShipmentEvent("P-9", "SH-1"), "AggregationEvent DELETE unpacking");
    m.put(new ShipmentApprovedEvent("SH-1", "MT-1"), "ObjectEvent OBSERVE inspecting");
    m.put(new ShipmentRejectedEvent("SH-0", "zone"), "ObjectEvent OBSERVE inspecting");
    m.put(
        new CertificateIssuedEvent(
            "CF-1",
            "SH-1",
            "CAR-KP",
            DAY,
            DAY.plusDays(60),
            "BO-A",
            "Antwerp NV",
            "BE",
            CT,
            CT,
            1,
            "7102.31",
            "CF"),
        "ObjectEvent OBSERVE inspecting");
    m.put(new ShipmentCertifiedEvent("SH-1", "CF-1"), "ObjectEvent OBSERVE inspecting");
    m.put(
        new CertificateConfirmedOnChannelEvent("CF-1", "kp", "tx", 7, "CarKpMSP", "h"),
        "ObjectEvent OBSERVE inspecting");
    m.put(
        new CertificateEndorsedEvent("CF-1", EndorsableField.values()[0], "a", "b", "typo"),
        "ObjectEvent OBSERVE inspecting");
    m.put(new ParcelExportedEvent("P-2", "SH-1", "CF-1"), "ObjectEvent OBSERVE departing");
    m.put(new ShipmentExportedEvent("SH-1", "CF-1", DAY, false), "ObjectEvent OBSERVE departing");
    m.put(new CertificateUsedForExportEvent("CF-1", "SH-1", DAY), "ObjectEvent OBSERVE departing");
    m.put(
        new ImportConfirmedEvent(
            "CF-1", "BE-IMPORT", DAY, CT, 1, "Antwerp NV", "BO-A", List.of("carats")),
        "ObjectEvent OBSERVE receiving");
    m.put(new CertificateVoidedEvent("CF-2", "lost"), "ObjectEvent OBSERVE void_shipping");
    return m;
  }

  @Test
  void everyCustodyEventMapsToItsEpcisTypeAndCbvStep() {
    List<String> wrong = new ArrayList<>();
    long leaf = 0;
    for (Map.Entry<Object, String> c : everyCustodyEvent().entrySet()) {
      ObjectNode e = mapper.map(event(c.getKey(), leaf++)).orElseThrow();
      String got =
          e.path("type").asText()
              + " "
              + e.path("action").asText("-")
              + " "
              + e.path("bizStep").asText();
      if (!got.equals(c.getValue())) {
        wrong.add(
            c.getKey().getClass().getSimpleName() + ": " + got + " instead of " + c.getValue());
      }
      assertThat(e.path("kp:ledgerEventId").asText()).isNotBlank();
      assertThat(e.path("kp:leafIndex").asLong()).isEqualTo(leaf - 1);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aMergeAndItsSourcesShareOneTransformationId() {
    List<LineageEdge> merge = List.of(new LineageEdge("P-1", "P-M", CT));
    ObjectNode in =
        mapper.map(event(new ParcelConsumedEvent("P-1", "MERGE", merge), 1)).orElseThrow();
    ObjectNode out =
        mapper
            .map(event(new ParcelMergedEvent("P-M", "BO-A", merge, CT, List.of()), 2))
            .orElseThrow();
    assertThat(in.path("transformationID")).isEqualTo(out.path("transformationID"));
    assertThat(in.path("inputQuantityList").path(0).path("quantity").decimalValue())
        .isEqualByComparingTo(CT);
    assertThat(in.path("inputQuantityList").path(0).path("uom").asText()).isEqualTo("CTM");
  }

  @Test
  void aDocumentOfEveryCustodyEventValidatesAgainstGs1sSchema() {
    EpcisSchema.assertValid("every custody event type", document());
  }

  @Test
  void theSchemaRefusesOurDocumentWithARequiredMemberRemoved() {
    ObjectNode noAction = document();
    ((ObjectNode) noAction.path("epcisBody").path("eventList").path(0)).remove("action");
    assertThat(EpcisSchema.errors(noAction)).as("an ObjectEvent without action").isNotEmpty();
    ObjectNode noVersion = document();
    noVersion.remove("schemaVersion");
    assertThat(EpcisSchema.errors(noVersion)).as("a document without schemaVersion").isNotEmpty();
    ObjectNode noTime = document();
    ((ObjectNode) noTime.path("epcisBody").path("eventList").path(3)).remove("eventTime");
    assertThat(EpcisSchema.errors(noTime)).as("an event without eventTime").isNotEmpty();
  }

  @Test
  void gs1sOwnExamplesValidateWithFormatsAsAnnotations() throws IOException {
    try (Stream<Path> files = Files.list(EpcisSchema.folder().resolve("examples"))) {
      for (Path f : files.sorted().toList()) {
        assertThat(EpcisSchema.errors(JSON.readTree(f.toFile()), false))
            .as(f.getFileName().toString())
            .isEmpty();
      }
    }
  }

  @Test
  void registryEventsAreNotCustody() {
    assertThat(
            mapper.map(
                new LedgerEvent(
                    "e", "Z-1", "ZoneRegisteredEvent", JSON.createObjectNode(), AT, 1L)))
        .isEmpty();
  }

  private ObjectNode document() {
    List<ObjectNode> events = new ArrayList<>();
    long leaf = 0;
    for (Object e : everyCustodyEvent().keySet()) {
      events.add(mapper.map(event(e, leaf++)).orElseThrow());
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.putArray("@context")
        .add(EpcisExport.CONTEXT)
        .addObject()
        .put("kp", EpcisIdentifiers.VOCABULARY);
    doc.put("type", "EPCISDocument");
    doc.put("schemaVersion", "2.0");
    doc.put("creationDate", Clock.fixed(AT, ZoneOffset.UTC).instant().toString());
    doc.putObject("epcisBody").putArray("eventList").addAll(events);
    return doc;
  }

  private static LedgerEvent event(Object payload, long leaf) {
    JsonNode p = JSON.valueToTree(payload);
    String aggregate =
        Stream.of("parcelId", "lotId", "shipmentId", "certificateNumber")
            .filter(p::hasNonNull)
            .map(f -> p.path(f).asText())
            .findFirst()
            .orElseThrow();
    return new LedgerEvent(
        "0b5f8a4e-0000-4000-8000-" + String.format("%012d", leaf),
        aggregate,
        payload.getClass().getSimpleName(),
        p,
        AT,
        leaf);
  }
}
