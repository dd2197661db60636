package org.kpledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.kpledger.custody.LedgerCalendar;

/**
 * Reference data of a small CAR chain under a prefix (so test classes sharing a node do not
 * collide): a compliant western zone, a non-compliant eastern zone, licences, sites, miners with
 * production, one miner whose patente has expired.
 */
final class CarFixture {
  static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  interface Submitter {
    JsonNode ok(String actor, String type, JsonNode payload);
  }

  final String p;
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  final LocalDate today = LedgerCalendar.dateOf(now);
  private final Submitter ledger;

  CarFixture(Submitter ledger, String prefix) {
    this.ledger = ledger;
    this.p = prefix;
  }

  String west() {
    return p + "BERBERATI";
  }

  String east() {
    return p + "BRIA";
  }

  /** Zones, licences, sites, miners and production. */
  CarFixture setUp() {
    for (String zone : new String[] {west(), east()}) {
      ledger.ok(
          "kp-registrar", "RegisterZone", obj("zoneId", zone, "name", zone, "prefecture", "X"));
      decision(zone, "COMPLIANT", "2003-01-01", "KPCS participation");
      decision(zone, "SUSPENDED", "2013-05-23", "AD temporary suspension");
    }
    decision(west(), "COMPLIANT", "2016-05-01", "MT assessment of Berberati");
    licence("EXP-ALPHA", "EXPORT_LICENCE", "BO-ALPHA", 400);
    licence("EXP-BETA", "EXPORT_LICENCE", "BO-BETA", 400);
    licence("AGR-1", "AGREMENT", "col-ndoumba", 400);
    licence("AGR-2", "AGREMENT", "col-yakite", 400);
    site("S-W", west());
    site("S-E", east());
    miner("M-1", "S-W", 400);
    miner("M-2", "S-W", 400);
    miner("M-EXP", "S-W", -30);
    miner("M-E", "S-E", 400);
    production("S-W", "M-1", "500.00");
    production("S-W", "M-2", "500.00");
    production("S-E", "M-E", "100.00");
    return this;
  }

  /** A Monitoring Team decision on the zone, effective from {@code from}. */
  void decision(String zone, String status, String from, String ref) {
    ledger.ok(
        "mt-monitor",
        "RecordZoneDecision",
        obj("zoneId", zone, "status", status, "effectiveFrom", from, "decisionRef", ref));
  }

  void licence(String number, String kind, String holder, int untilDays) {
    ledger.ok(
        "kp-registrar",
        "IssueLicence",
        obj(
            "licenceNumber",
            p + number,
            "kind",
            kind,
            "holderId",
            holder.startsWith("M-") ? p + holder : holder,
            "validFrom",
            today.minusDays(500).toString(),
            "validUntil",
            today.plusDays(untilDays).toString()));
  }

  void site(String site, String zone) {
    ledger.ok(
        "kp-registrar",
        "RegisterSite",
        obj(
            "siteId",
            p + site,
            "name",
            site,
            "zoneId",
            zone,
            "gps",
            obj("latitude", num("4.26"), "longitude", num("15.79"))));
  }

  void miner(String miner, String site, int patenteUntilDays) {
    licence("PAT-" + miner, "PATENTE", miner, patenteUntilDays);
    ledger.ok(
        "kp-registrar",
        "RegisterMiner",
        obj(
            "minerId",
            p + miner,
            "fullName",
            miner,
            "identityDocument",
            "CNI-" + miner,
            "patenteNumber",
            p + "PAT-" + miner,
            "siteId",
            p + site));
  }

  void production(String site, String miner, String carats) {
    ledger.ok(
        "kp-registrar",
        "RecordProduction",
        obj(
            "siteId",
            p + site,
            "entryId",
            p + "PR-" + miner,
            "minerId",
            p + miner,
            "carats",
            num(carats),
            "stoneCount",
            100,
            "occurredAt",
            now.minus(90, ChronoUnit.DAYS).toString()));
  }

  /** A purchase slip payload (ids unprefixed in, prefixed out). */
  ObjectNode purchase(
      String lot, String miner, String site, String carats, String licence, int daysAgo) {
    return obj(
        "lotId",
        p + lot,
        "slipNumber",
        "SLIP-" + p + lot,
        "minerId",
        p + miner,
        "siteId",
        p + site,
        "carats",
        num(carats),
        "stoneCount",
        5,
        "priceUsd",
        num("1000.00"),
        "buyerLicence",
        p + licence,
        "occurredAt",
        now.minus(daysAgo, ChronoUnit.DAYS).toString());
  }

  static ObjectNode obj(Object... kv) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof JsonNode n) {
        o.set((String) kv[i], n);
      } else if (v instanceof Integer n) {
        o.put((String) kv[i], n);
      } else {
        o.put((String) kv[i], (String) v);
      }
    }
    return o;
  }

  static ArrayNode arr(Object... values) {
    ArrayNode a = F.arrayNode();
    for (Object v : values) {
      if (v instanceof JsonNode n) {
        a.add(n);
      } else {
        a.add((String) v);
      }
    }
    return a;
  }

  static JsonNode num(String decimal) {
    return F.numberNode(new BigDecimal(decimal));
  }
}
