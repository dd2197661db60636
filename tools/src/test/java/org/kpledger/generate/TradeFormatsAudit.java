package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.kpledger.api.epcis.EpcisSchema;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks of issue #19's done-when items 1 to 3 on a generated year, for the CI test of a size-1
 * year ({@link TradeFormatsAtScaleTest}): every EPCIS document validates against GS1's schema and
 * the range export holds each custody event once at its leaf; a shipment's lineage export holds one
 * EPCIS event per event its dossier's signature pages list as signed; the KP statistics reconcile
 * to the custody events read straight from the event store, and their CSV holds exactly the JSON's
 * rows; and of done-when item 5, the planted purchase jumps flagged and the planted unconfirmed and
 * mismatched certificates in the Monitoring Team's cross-check ({@link PlantedAnomalies}). Reads go
 * through an overseer's signed GETs.
 */
final class TradeFormatsAudit {
  /** Event types that are registry facts, not custody: the EPCIS export leaves them out. */
  static final Set<String> NOT_CUSTODY =
      Set.of(
          "ZoneRegisteredEvent",
          "ZoneDecisionRecordedEvent",
          "SiteRegisteredEvent",
          "ProductionRecordedEvent",
          "ProductionDrawnEvent",
          "MinerRegisteredEvent",
          "PatenteRenewedEvent",
          "LicenceIssuedEvent",
          "LicenceStatusChangedEvent",
          "RevocationListPublishedEvent",
          "StockpileDeclaredEvent");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Range pages read but not yet validated, at most. */
  static final int PAGES_IN_FLIGHT = 3;

  /** An overseer's signed reads: a JSON body (status 200 asserted) or a CSV one. */
  interface Reader {
    JsonNode json(String target);

    String csv(String target);
  }

  private final Reader reader;
  private final JdbcTemplate jdbc;

  TradeFormatsAudit(Reader reader, JdbcTemplate jdbc) {
    this.reader = reader;
    this.jdbc = jdbc;
  }

  /** Every event's leaf in the verifiable log. */
  Map<String, Long> leaves() {
    Map<String, Long> leaves = new HashMap<>();
    jdbc.query(
        "SELECT event_id, leaf_index FROM merkle_leaf",
        rs -> {
          leaves.put(rs.getString(1), rs.getLong(2));
        });
    return leaves;
  }

  /** The ids of the custody events in the event store. */
  Set<String> custodyEvents() {
    Set<String> custody = new HashSet<>();
    jdbc.query(
        "SELECT event_identifier, payload_type FROM domain_event_entry",
        rs -> {
          String type = rs.getString(2);
          if (!NOT_CUSTODY.contains(type.substring(type.lastIndexOf('.') + 1))) {
            custody.add(rs.getString(1));
          }
        });
    return custody;
  }

  /**
   * Every page of the range export ({@code limit} events a page), each validated against GS1's
   * schema, each event at the leaf the log gives it, in leaf order; the ledger event ids in order.
   * The pages are read one after the other (each names the next); their validation runs on {@code
   * validators} while the next page is read, at most {@link #PAGES_IN_FLIGHT} pages held waiting (a
   * page of 10,000 events is tens of megabytes as a tree).
   */
  List<String> epcisRange(
      Map<String, Long> leaves,
      int limit,
      ExecutorService validators,
      Consumer<JsonNode> eachPage) {
    List<String> ids = new ArrayList<>();
    Deque<Future<?>> validations = new ArrayDeque<>();
    long fromLeaf = 0;
    long lastLeaf = -1;
    while (true) {
      JsonNode doc = reader.json("/api/epcis/events?limit=" + limit + "&fromLeaf=" + fromLeaf);
      String what = "range page from leaf " + fromLeaf;
      validations.add(validators.submit(() -> EpcisSchema.assertValid(what, doc)));
      while (validations.size() > PAGES_IN_FLIGHT) {
        await(validations.removeFirst());
      }
      for (JsonNode e : doc.path("epcisBody").path("eventList")) {
        String id = e.path("kp:ledgerEventId").asText();
        long leaf = e.path("kp:leafIndex").asLong();
        assertThat(leaf).as("leaf order").isGreaterThan(lastLeaf);
        assertThat(leaves.get(id)).as("leaf of " + id).isEqualTo(leaf);
        lastLeaf = leaf;
        ids.add(id);
      }
      eachPage.accept(doc);
      if (!doc.has("kp:nextFromLeaf")) {
        validations.forEach(TradeFormatsAudit::await);
        return ids;
      }
      fromLeaf = doc.path("kp:nextFromLeaf").asLong();
    }
  }

  /**
   * {@link #epcisLineage} for each shipment, on {@code threads} threads at once; the first one's
   * leaves proved one by one. Returns the number of EPCIS events in all.
   */
  long epcisLineages(
      List<String> shipments,
      Map<String, Long> leaves,
      Map<String, String> positions,
      ExecutorService threads) {
    List<Future<Integer>> each = new ArrayList<>();
    for (int k = 0; k < shipments.size(); k++) {
      String shipment = shipments.get(k);
      boolean proveEach = k == 0;
      each.add(threads.submit(() -> epcisLineage(shipment, leaves, positions, proveEach)));
    }
    long events = 0;
    for (Future<Integer> f : each) {
      events += await(f);
    }
    return events;
  }

  /** A task's result, its assertion error (or other failure) rethrown as it was. */
  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Each event's aggregate and sequence number, {@code LOT-1#0}. */
  Map<String, String> positions() {
    Map<String, String> positions = new HashMap<>();
    jdbc.query(
        "SELECT event_identifier, aggregate_identifier, sequence_number FROM domain_event_entry",
        rs -> {
          positions.put(rs.getString(1), rs.getString(2) + "#" + rs.getLong(3));
        });
    return positions;
  }

  /**
   * The lineage export of one shipment: valid, one EPCIS event per event its dossier's signature
   * pages list as signed, each at its leaf; with {@code proveEach} each leaf's inclusion proof is
   * fetched too. Returns the number of EPCIS events.
   */
  int epcisLineage(
      String shipmentId,
      Map<String, Long> leaves,
      Map<String, String> positions,
      boolean proveEach) {
    JsonNode doc = reader.json("/api/epcis/shipments/" + shipmentId);
    EpcisSchema.assertValid("lineage of " + shipmentId, doc);
    Set<String> signed = new HashSet<>();
    String pages =
        reader
            .json("/api/shipments/" + shipmentId + "/dossier")
            .path("signedLineage")
            .path("path")
            .asText();
    for (int page = 0; ; page++) {
      JsonNode p = reader.json(pages + "?size=500&page=" + page);
      for (JsonNode aggregate : p.path("items")) {
        for (JsonNode s : aggregate.path("steps")) {
          signed.add(s.path("aggregateId").asText() + "#" + s.path("sequenceNumber").asLong());
        }
      }
      if ((page + 1) * 500L >= p.path("total").asLong()) {
        break;
      }
    }
    List<String> exported = new ArrayList<>();
    for (JsonNode e : doc.path("epcisBody").path("eventList")) {
      String id = e.path("kp:ledgerEventId").asText();
      assertThat(e.has("kp:leafIndex")).as(id + " has its leaf index").isTrue();
      assertThat(leaves.get(id)).as("leaf of " + id).isEqualTo(e.path("kp:leafIndex").asLong());
      exported.add(positions.get(id));
      if (proveEach) {
        JsonNode proof = reader.json("/api/log/events/" + id + "/inclusion");
        assertThat(proof.path("leafIndex").asLong()).isEqualTo(e.path("kp:leafIndex").asLong());
      }
    }
    assertThat(exported).as("lineage of " + shipmentId).doesNotHaveDuplicates();
    assertThat(new HashSet<>(exported)).as("lineage of " + shipmentId).isEqualTo(signed);
    assertThat(exported).as("lineage of " + shipmentId).hasSizeGreaterThan(10);
    return exported.size();
  }

  /**
   * The KP trade statistics per month, quarter and half-year over {@code [from, to]} against the
   * exports and certificates of the event store, per partner country and HS code and in total, and
   * against the monthly export statistics; each CSV against its JSON. Returns the totals.
   */
  Expected tradeReconciles(YearMonth from, YearMonth to) {
    String range = "&from=" + from + "&to=" + to;
    Map<String, Expected> byKey = expectedTrade(from, to);
    Expected all = new Expected();
    byKey.values().forEach(all::add);
    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      JsonNode trade = reader.json("/api/statistics/kp/trade?period=" + period + range);
      Map<String, Expected> got = new TreeMap<>();
      for (JsonNode r : trade.path("rows")) {
        Expected e = got.computeIfAbsent(key(r), k -> new Expected());
        e.shipments += r.path("shipmentsExported").asLong();
        e.carats = e.carats.add(r.path("caratsExported").decimalValue());
        e.value = e.value.add(r.path("valueExportedUsd").decimalValue());
        e.certificates += r.path("certificatesIssued").asLong();
      }
      assertThat(got).as(period + " per partner country and HS code").isEqualTo(byKey);
      JsonNode total = trade.path("total");
      assertThat(total.path("shipmentsExported").asLong()).isEqualTo(all.shipments);
      assertThat(total.path("caratsExported").decimalValue()).isEqualByComparingTo(all.carats);
      assertThat(total.path("valueExportedUsd").decimalValue()).isEqualByComparingTo(all.value);
      assertThat(total.path("certificatesIssued").asLong()).isEqualTo(all.certificates);
      csvHoldsTheJsonRows("/api/statistics/kp/trade?period=" + period + range, trade);
    }
    JsonNode monthly = reader.json("/api/statistics/exports?size=500" + range);
    assertThat(monthly.path("total").path("shipments").asLong()).isEqualTo(all.shipments);
    assertThat(monthly.path("total").path("carats").decimalValue())
        .isEqualByComparingTo(all.carats);
    assertThat(monthly.path("total").path("valueUsd").decimalValue())
        .isEqualByComparingTo(all.value);
    assertThat(monthly.path("total").path("certificatesIssued").asLong())
        .isEqualTo(all.certificates);
    return all;
  }

  /**
   * The KP production statistics per month, quarter and half-year over {@code [from, to]} against
   * the purchase slips of the event store; each CSV against its JSON. Returns the slips counted.
   */
  long productionReconciles(YearMonth from, YearMonth to) {
    String range = "&from=" + from + "&to=" + to;
    long slips = 0;
    BigDecimal slipCarats = BigDecimal.ZERO;
    BigDecimal slipValue = BigDecimal.ZERO;
    for (JsonNode p : payloads("LotPurchasedEvent")) {
      LocalDate day = LedgerCalendar.dateOf(Instant.parse(p.path("occurredAt").asText()));
      if (!YearMonth.from(day).isBefore(from) && !YearMonth.from(day).isAfter(to)) {
        slips++;
        slipCarats = slipCarats.add(p.path("carats").decimalValue());
        if (p.hasNonNull("priceUsd")) {
          slipValue = slipValue.add(p.path("priceUsd").decimalValue());
        }
      }
    }
    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      JsonNode production = reader.json("/api/statistics/kp/production?period=" + period + range);
      assertThat(production.path("total").path("purchases").asLong()).isEqualTo(slips);
      assertThat(production.path("total").path("carats").decimalValue())
          .isEqualByComparingTo(slipCarats);
      assertThat(production.path("total").path("valueUsd").decimalValue())
          .as("US$ of the purchase slips per " + period)
          .isEqualByComparingTo(slipValue);
      csvHoldsTheJsonRows("/api/statistics/kp/production?period=" + period + range, production);
    }
    return slips;
  }

  /**
   * What the anomaly list says of the purchase jumps a year planted.
   *
   * @param planted the planted jumps, miner and quarter
   * @param falseFlags the year's other {@code PURCHASE_JUMP} flags, miner and quarter
   * @param minerQuarters the year's miner-quarters with purchases
   */
  record Jumps(Set<String> planted, Set<String> falseFlags, long minerQuarters) {}

  /**
   * Every purchase jump the year planted ({@link PlantedAnomalies#purchaseJumps()}) is flagged
   * {@code PURCHASE_JUMP} by {@code GET /api/anomalies} over {@code [from, to]} in its quarter,
   * with the carats the generator planted and above three times the median of the miner's earlier
   * quarters; the flags on the year's other miner-quarters (jumps by chance) are counted.
   */
  Jumps purchaseJumpsFlagThePlanted(
      PlantedAnomalies planted, String prefix, LocalDate from, LocalDate to) {
    assertThat(planted.purchaseJumps()).as("purchase jumps the generator planted").isNotEmpty();
    JsonNode a = reader.json("/api/anomalies?from=" + from + "&to=" + to);
    double factor = a.path("thresholds").path("jumpFactor").asDouble();
    Map<String, JsonNode> flags = new TreeMap<>();
    for (JsonNode f : a.path("flags")) {
      // the flags of this year only: another year may share the node
      if (f.path("kind").asText().equals("PURCHASE_JUMP")
          && f.path("subject").asText().startsWith(prefix + "-")) {
        flags.put(f.path("subject").asText() + " " + f.path("period").asText(), f);
      }
    }
    Set<String> plantedKeys = new TreeSet<>();
    for (PlantedAnomalies.Jump j : planted.purchaseJumps()) {
      String key = j.minerId() + " " + j.quarter();
      plantedKeys.add(key);
      assertThat(flags).as("planted jump " + j + " flagged").containsKey(key);
      JsonNode f = flags.get(key);
      assertThat(f.path("value").decimalValue()).as(key).isEqualByComparingTo(j.carats());
      assertThat(f.path("value").doubleValue())
          .as(key + ": " + f.path("explanation").asText())
          .isGreaterThan(factor * f.path("reference").doubleValue());
      assertThat(f.path("explanation").asText()).contains("earlier quarters with purchases");
    }
    Set<String> falseFlags = new TreeSet<>(flags.keySet());
    falseFlags.removeAll(plantedKeys);
    Set<String> minerQuarters = new TreeSet<>();
    jdbc.query(
        "SELECT miner_id, occurred_at FROM lineage_origin"
            + " WHERE slip_number IS NOT NULL AND miner_id LIKE ?",
        rs -> {
          LocalDate day = LedgerCalendar.dateOf(Columns.instant(rs.getObject(2)));
          minerQuarters.add(rs.getString(1) + " " + PlantedJumps.quarterOf(day));
        },
        prefix + "-%");
    return new Jumps(plantedKeys, falseFlags, minerQuarters.size());
  }

  /**
   * What the certificate cross-check says of the certificates a year planted.
   *
   * @param unconfirmed the planted certificates never confirmed, each listed unconfirmed
   * @param mismatched the planted certificates confirmed with other carats, each listed mismatched
   * @param others the year's other certificates either list holds
   */
  record CrossChecked(Set<String> unconfirmed, Set<String> mismatched, Set<String> others) {}

  /**
   * The Monitoring Team's cross-check ({@code GET /api/certificates/cross-check}) lists every
   * certificate the year planted: never confirmed under {@code unconfirmed}, confirmed with other
   * carats under {@code mismatched} (field {@code carats}), each also in the cross-check of its
   * month of export. A generated year's shipments leave on the day the generator runs, so the check
   * asks with {@code afterDays=0}: every export not confirmed by now counts. Every other
   * certificate of the year is confirmed as certified, so neither list may hold one.
   */
  CrossChecked crossCheckListsThePlanted(PlantedAnomalies planted, String prefix) {
    assertThat(planted.unconfirmedCertificates())
        .as("certificates the generator leaves unconfirmed")
        .isNotEmpty();
    assertThat(planted.mismatchedCertificates())
        .as("certificates the generator confirms with a mismatch")
        .isNotEmpty();
    JsonNode all = reader.json("/api/certificates/cross-check?afterDays=0");
    Map<String, JsonNode> unconfirmed = ofYear(all.path("unconfirmed"), prefix);
    Map<String, JsonNode> mismatched = ofYear(all.path("mismatched"), prefix);
    assertThat(unconfirmed.keySet())
        .as("unconfirmed in the cross-check")
        .containsAll(planted.unconfirmedCertificates());
    assertThat(mismatched.keySet())
        .as("mismatched in the cross-check")
        .containsAll(planted.mismatchedCertificates());
    for (String number : planted.unconfirmedCertificates()) {
      assertThat(unconfirmed.get(number).path("status").asText()).isEqualTo("UNCONFIRMED");
      assertThat(unconfirmed.get(number).hasNonNull("confirmation")).as(number).isFalse();
      inItsMonth(unconfirmed.get(number), "unconfirmed");
    }
    for (String number : planted.mismatchedCertificates()) {
      JsonNode c = mismatched.get(number);
      assertThat(c.path("status").asText()).isEqualTo("CONFIRMED_WITH_MISMATCHES");
      assertThat(c.path("mismatchedFields").toString()).as(number).contains("\"carats\"");
      inItsMonth(c, "mismatched");
    }
    Set<String> others = new TreeSet<>(unconfirmed.keySet());
    others.addAll(mismatched.keySet());
    planted.unconfirmedCertificates().forEach(others::remove);
    planted.mismatchedCertificates().forEach(others::remove);
    assertThat(others).as("certificates of the year listed but not planted").isEmpty();
    return new CrossChecked(
        new TreeSet<>(planted.unconfirmedCertificates()),
        new TreeSet<>(planted.mismatchedCertificates()),
        others);
  }

  private void inItsMonth(JsonNode certificate, String list) {
    String number = certificate.path("certificateNumber").asText();
    YearMonth month = YearMonth.from(LocalDate.parse(certificate.path("exportedOn").asText()));
    JsonNode m = reader.json("/api/certificates/cross-check?afterDays=0&month=" + month);
    assertThat(ofYear(m.path(list), "").keySet())
        .as(number + " in the cross-check of " + month)
        .contains(number);
  }

  private static Map<String, JsonNode> ofYear(JsonNode list, String prefix) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode c : list) {
      String number = c.path("certificateNumber").asText();
      if (prefix.isEmpty() || number.startsWith("CF-" + prefix + "-")) {
        out.put(number, c);
      }
    }
    return out;
  }

  /** The CSV of {@code target} holds the JSON's rows and total, cell for cell. */
  void csvHoldsTheJsonRows(String target, JsonNode json) {
    String csv = reader.csv(target);
    String[] lines = csv.split("\r\n");
    List<JsonNode> rows = new ArrayList<>();
    json.path("rows").forEach(rows::add);
    rows.add(json.path("total"));
    assertThat(lines).as(target + " as CSV").hasSize(rows.size() + 1);
    List<String> fields = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(fields::add);
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = lines[i + 1].split(",", -1);
      assertThat(cells).as(lines[i + 1]).hasSize(fields.size());
      for (int f = 0; f < fields.size(); f++) {
        JsonNode v = rows.get(i).path(fields.get(f));
        if (f == 0 && i == rows.size() - 1) {
          assertThat(cells[f]).isEqualTo("TOTAL");
        } else if (v.isNull()) {
          assertThat(cells[f]).as(fields.get(f)).isEmpty();
        } else if (v.isNumber()) {
          assertThat(new BigDecimal(cells[f]))
              .as(fields.get(f))
              .isEqualByComparingTo(v.decimalValue());
        } else {
          assertThat(cells[f]).as(fields.get(f)).isEqualTo(v.asText());
        }
      }
    }
  }

  /** Exports and certificates per partner country and HS code, from the event store. */
  private Map<String, Expected> expectedTrade(YearMonth from, YearMonth to) {
    Map<String, JsonNode> proposals = new HashMap<>();
    payloads("ShipmentProposedEvent").forEach(p -> proposals.put(p.path("shipmentId").asText(), p));
    Map<String, JsonNode> certificates = new HashMap<>();
    payloads("CertificateIssuedEvent")
        .forEach(p -> certificates.put(p.path("certificateNumber").asText(), p));
    Map<String, Expected> out = new TreeMap<>();
    for (JsonNode x : payloads("ShipmentExportedEvent")) {
      if (within(x.path("exportedOn").asText(), from, to)) {
        JsonNode s = proposals.get(x.path("shipmentId").asText());
        JsonNode cert = certificates.get(x.path("certificateNumber").asText());
        Expected e =
            out.computeIfAbsent(
                s.path("importer").path("country").asText() + "/" + cert.path("hsCode").asText(),
                k -> new Expected());
        e.shipments++;
        e.carats = e.carats.add(s.path("carats").decimalValue());
        e.value = e.value.add(s.path("valueUsd").decimalValue());
      }
    }
    for (JsonNode cert : certificates.values()) {
      if (within(cert.path("issuedOn").asText(), from, to)) {
        out.computeIfAbsent(
                cert.path("importerCountry").asText() + "/" + cert.path("hsCode").asText(),
                k -> new Expected())
            .certificates++;
      }
    }
    return out;
  }

  /** The payloads of one event type, from the event store. */
  List<JsonNode> payloads(String type) {
    return jdbc.query(
        "SELECT payload FROM domain_event_entry WHERE payload_type LIKE ?",
        (rs, n) -> {
          try {
            return JSON.readTree(org.kpledger.eventstore.PackedJson.unpack(rs.getBytes(1)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        "%." + type);
  }

  private static boolean within(String day, YearMonth from, YearMonth to) {
    YearMonth m = YearMonth.from(LocalDate.parse(day));
    return !m.isBefore(from) && !m.isAfter(to);
  }

  private static String key(JsonNode r) {
    return r.path("partnerCountry").asText() + "/" + r.path("hsCode").asText();
  }

  /** Sums of one partner country and HS code. */
  static final class Expected {
    long shipments;
    long certificates;
    BigDecimal carats = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;

    void add(Expected o) {
      shipments += o.shipments;
      certificates += o.certificates;
      carats = carats.add(o.carats);
      value = value.add(o.value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Expected e
          && shipments == e.shipments
          && certificates == e.certificates
          && carats.compareTo(e.carats) == 0
          && value.compareTo(e.value) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(shipments, certificates);
    }

    @Override
    public String toString() {
      return shipments
          + " shipments, "
          + carats
          + " ct, US$ "
          + value
          + ", "
          + certificates
          + " certificates";
    }
  }
}
