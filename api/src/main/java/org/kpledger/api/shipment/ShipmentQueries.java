package org.kpledger.api.shipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the shipments projection. */
@Component
public class ShipmentQueries {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  ShipmentQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** A filter on the shipment list; null members do not filter. */
  public record Filter(
      String exporter, String status, String zone, String site, LocalDate from, LocalDate to) {}

  /** One shipment, with its parcels. */
  public Optional<ShipmentRow> find(String shipmentId) {
    return named
        .query("SELECT * FROM shipment WHERE shipment_id = :id", Map.of("id", shipmentId), mapper())
        .stream()
        .findFirst();
  }

  /**
   * The shipment's last step that passed the export gate (PROPOSED, APPROVED, CERTIFIED or
   * EXPORTED) and when the ledger recorded it: the instant its verdicts are shown "as known then".
   * Empty for an unknown shipment.
   */
  public Optional<GateStep> gateStep(String shipmentId) {
    return named
        .query(
            "SELECT step, recorded_at FROM shipment_gate_step WHERE shipment_id = :id",
            Map.of("id", shipmentId),
            (rs, n) -> new GateStep(rs.getString(1), Columns.instant(rs.getObject(2))))
        .stream()
        .findFirst();
  }

  /** The shipments these parcels were put in, in id order. */
  public List<ShipmentRow> ofParcels(Collection<String> parcelIds) {
    if (parcelIds.isEmpty()) {
      return List.of();
    }
    return named.query(
        "SELECT * FROM shipment WHERE shipment_id IN (SELECT shipment_id FROM "
            + "shipment_parcel WHERE parcel_id IN (:ids)) ORDER BY shipment_id",
        Map.of("ids", parcelIds),
        mapper());
  }

  /** The shipments matching the filter, proposed-on order then id; whole list (callers page). */
  public List<ShipmentRow> list(Filter f) {
    StringBuilder sql = new StringBuilder("SELECT * FROM shipment s WHERE 1 = 1");
    MapSqlParameterSource p = new MapSqlParameterSource();
    condition(sql, p, f.exporter(), " AND s.exporter = :exporter", "exporter");
    condition(sql, p, f.status(), " AND s.status = :status", "status");
    condition(sql, p, f.from(), " AND s.proposed_on >= :from", "from");
    condition(sql, p, f.to(), " AND s.proposed_on <= :to", "to");
    condition(
        sql,
        p,
        f.zone(),
        " AND EXISTS (SELECT 1 FROM shipment_origin o WHERE "
            + "o.shipment_id = s.shipment_id AND o.zone_id = :zone)",
        "zone");
    condition(
        sql,
        p,
        f.site(),
        " AND EXISTS (SELECT 1 FROM shipment_origin o WHERE "
            + "o.shipment_id = s.shipment_id AND o.site_id = :site)",
        "site");
    sql.append(" ORDER BY s.proposed_on, s.shipment_id");
    return named.query(sql.toString(), p, mapper());
  }

  private static void condition(
      StringBuilder sql, MapSqlParameterSource p, Object value, String clause, String name) {
    if (value != null) {
      sql.append(clause);
      p.addValue(name, value);
    }
  }

  private RowMapper<ShipmentRow> mapper() {
    return (rs, n) -> {
      String id = rs.getString("shipment_id");
      List<String> parcels =
          new ArrayList<>(
              jdbc.queryForList(
                  "SELECT parcel_id FROM "
                      + "shipment_parcel WHERE shipment_id = ? ORDER BY parcel_id",
                  String.class,
                  id));
      return new ShipmentRow(
          id,
          rs.getString("exporter"),
          rs.getString("exporter_licence"),
          rs.getString("importer_name"),
          rs.getString("importer_country"),
          rs.getBigDecimal("carats"),
          rs.getBigDecimal("value_usd"),
          Columns.date(rs.getObject("proposed_on")),
          rs.getString("status"),
          rs.getString("decision_ref"),
          rs.getString("rejection_reason"),
          rs.getString("certificate_number"),
          Columns.date(rs.getObject("exported_on")),
          parcels);
    };
  }
}
