package org.kpledger.api.reevaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kpledger.api.lineage.LineageGraph;
import org.kpledger.api.lineage.LineageRows;
import org.kpledger.api.lineage.OriginAssessor;
import org.kpledger.api.projection.Columns;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.shipment.GateCheck;
import org.kpledger.shipment.Reevaluation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the verdicts that changed after the fact. SQL only narrows the candidates (origins whose
 * zone or patente has a decision or change recorded after the command relied on); each candidate is
 * then judged by the ledger's {@link Reevaluation#judge}, as the trace and the dossier judge it.
 */
@Component
class ReevaluationQueries {
  private final NamedParameterJdbcTemplate named;
  private final LineageGraph graph;
  private final RegistryQueries registry;
  private final OriginAssessor assessor;

  ReevaluationQueries(
      JdbcTemplate jdbc, LineageGraph graph, RegistryQueries registry, OriginAssessor assessor) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.graph = graph;
    this.registry = registry;
    this.assessor = assessor;
  }

  /**
   * A filter; null members do not filter.
   *
   * @param party only shipments it exported and lots it bought (null: everyone's)
   * @param from the first instant a re-evaluation may have been raised
   * @param until the instant before which it must have been raised
   */
  record Filter(String zone, String shipment, String party, Instant from, Instant until) {}

  private record Candidate(
      String kind, String shipmentId, String exporter, String lotId, GateStep then) {}

  /** Every re-evaluated verdict that matches, newest raised first. */
  List<ReevaluatedVerdict> list(Filter f) {
    List<Candidate> candidates = new ArrayList<>(shipmentCandidates(f));
    if (f.shipment() == null) {
      candidates.addAll(purchaseCandidates(f));
    }
    Map<String, LineageRows.Origin> origins =
        graph.origins(candidates.stream().map(Candidate::lotId).distinct().toList());
    OriginAssessor judge =
        assessor.over(
            registry.preload(
                origins.values().stream().map(o -> o.origin().zoneId()).toList(),
                origins.values().stream().map(o -> o.origin().patenteNumber()).toList(),
                List.of()));
    List<ReevaluatedVerdict> out = new ArrayList<>();
    for (Candidate c : candidates) {
      LineageRows.Origin o = origins.get(c.lotId());
      if (o == null) {
        continue;
      }
      GateStep then = c.then() != null ? c.then() : OriginAssessor.then(o, null);
      judge
          .judge(o, then)
          .changed()
          .map(r -> verdict(c, o, then, r))
          .filter(v -> f.from() == null || !v.raisedAt().isBefore(f.from()))
          .filter(v -> f.until() == null || v.raisedAt().isBefore(f.until()))
          .ifPresent(out::add);
    }
    out.sort(
        Comparator.comparing(ReevaluatedVerdict::raisedAt, Comparator.reverseOrder())
            .thenComparing(ReevaluatedVerdict::kind)
            .thenComparing(v -> v.shipmentId() == null ? "" : v.shipmentId())
            .thenComparing(ReevaluatedVerdict::lotId));
    return out;
  }

  private static ReevaluatedVerdict verdict(
      Candidate c, LineageRows.Origin o, GateStep then, Reevaluation r) {
    Instant raised =
        r.causes().stream()
            .map(Reevaluation.Cause::recordedAt)
            .filter(java.util.Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(then.recordedAt());
    return new ReevaluatedVerdict(
        c.kind() != null
            ? c.kind()
            : (o.origin().stockpileId() == null ? "PURCHASE" : "DECLARATION"),
        c.shipmentId(),
        c.exporter(),
        o.lotId(),
        o.origin().zoneId(),
        o.origin().acquiredOn(),
        o.buyerParty(),
        then,
        r.asKnownThen().stream().allMatch(GateCheck::passed),
        r.asKnownNow().stream().allMatch(GateCheck::passed),
        raised,
        r);
  }

  /** A decision on the zone, or a change of the patente, recorded after {@code at}. */
  private static String changedAfter(String zone, String lot, String at) {
    return "(EXISTS (SELECT 1 FROM registry_zone_decision d WHERE d.zone_id = "
        + zone
        + " AND d.recorded_at > "
        + at
        + ") OR EXISTS (SELECT 1 FROM lineage_origin p JOIN registry_licence_change c"
        + " ON c.licence_number = p.patente_number WHERE p.lot_id = "
        + lot
        + " AND c.recorded_at > "
        + at
        + "))";
  }

  private List<Candidate> shipmentCandidates(Filter f) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT g.shipment_id, s.exporter, o.lot_id, g.step, g.recorded_at "
                + "FROM shipment_gate_step g JOIN shipment s ON s.shipment_id = g.shipment_id "
                + "JOIN shipment_origin o ON o.shipment_id = g.shipment_id WHERE "
                + changedAfter("o.zone_id", "o.lot_id", "g.recorded_at"));
    MapSqlParameterSource p = new MapSqlParameterSource();
    condition(sql, p, f.zone(), " AND o.zone_id = :zone", "zone");
    condition(sql, p, f.shipment(), " AND g.shipment_id = :shipment", "shipment");
    condition(sql, p, f.party(), " AND s.exporter = :party", "party");
    return named.query(
        sql.toString(),
        p,
        (rs, n) ->
            new Candidate(
                "SHIPMENT",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                new GateStep(rs.getString(4), Columns.instant(rs.getObject(5)))));
  }

  private List<Candidate> purchaseCandidates(Filter f) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT l.lot_id FROM lineage_origin l WHERE "
                + changedAfter("l.zone_id", "l.lot_id", "l.recorded_at"));
    MapSqlParameterSource p = new MapSqlParameterSource();
    condition(sql, p, f.zone(), " AND l.zone_id = :zone", "zone");
    condition(sql, p, f.party(), " AND l.buyer_party = :party", "party");
    return named.query(
        sql.toString(), p, (rs, n) -> new Candidate(null, null, null, rs.getString(1), null));
  }

  private static void condition(
      StringBuilder sql, MapSqlParameterSource p, Object value, String clause, String name) {
    if (value != null) {
      sql.append(clause);
      p.addValue(name, value);
    }
  }
}
