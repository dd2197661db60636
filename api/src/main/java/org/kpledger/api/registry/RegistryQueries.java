package org.kpledger.api.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.licence.LicenceHistory;
import org.kpledger.licence.LicenceStatus;
import org.kpledger.zone.ZoneDecisions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the registry projection: a zone's status and a licence's standing on a given day, by the
 * same rules as the aggregates, the ledger's {@link ZoneDecisions} and {@link LicenceHistory}: this
 * class only loads their rows.
 */
@Component
public class RegistryQueries {
  private final JdbcTemplate jdbc;

  RegistryQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The same answers for the given zones, licences and holders' licences, read now in a few
   * statements and then answered from memory: for queries that judge thousands of origins.
   */
  public RegistryQueries preload(
      java.util.Collection<String> zoneIds,
      java.util.Collection<String> licenceNumbers,
      java.util.Collection<String> holderIds) {
    return new PreloadedRegistry(jdbc, zoneIds, licenceNumbers, holderIds);
  }

  /** The zone's status in force on {@code day}, by the rule of {@link ZoneDecisions}. */
  public ZoneVerdict zoneOn(String zoneId, LocalDate day) {
    if (zoneId == null || day == null) {
      return new ZoneVerdict(zoneId, null, day, "UNDOCUMENTED", false, null);
    }
    ZoneDecisions.Period p = zoneDecisions(zoneId).on(day);
    return new ZoneVerdict(
        zoneId,
        zoneName(zoneId).orElse(null),
        day,
        p.status(),
        p.compliant(),
        p.decision() == null ? null : p.decision().decisionRef());
  }

  /** The zone's dated decisions as they stand now (none for an unknown zone). */
  public ZoneDecisions zoneDecisions(String zoneId) {
    return ZoneDecisions.of(
        jdbc.query(
            "SELECT effective_from, status, decision_ref FROM registry_zone_decision "
                + "WHERE zone_id = ?",
            (rs, n) ->
                new ZoneDecisions.Decision(
                    Columns.date(rs.getObject(1)), rs.getString(2), rs.getString(3)),
            zoneId));
  }

  /** The zone's name, if registered. */
  public Optional<String> zoneName(String zoneId) {
    return jdbc
        .queryForList("SELECT name FROM registry_zone WHERE zone_id = ?", String.class, zoneId)
        .stream()
        .findFirst();
  }

  /** Whether the zone is registered. */
  public boolean zoneExists(String zoneId) {
    return exists("registry_zone", "zone_id", zoneId);
  }

  /** Whether the site is registered. */
  public boolean siteExists(String siteId) {
    return exists("registry_site", "site_id", siteId);
  }

  /** Whether the miner is registered. */
  public boolean minerExists(String minerId) {
    return exists("registry_miner", "miner_id", minerId);
  }

  /** Whether a licence of this kind (PATENTE, AGREMENT, EXPORT_LICENCE) was ever issued to it. */
  public boolean holdsLicence(String holderId, String kind) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM registry_licence WHERE holder_id = ? AND kind = ?",
            Integer.class,
            holderId,
            kind);
    return n != null && n > 0;
  }

  /** The licence's standing on {@code day}. */
  public LicenceVerdict licenceOn(String number, LocalDate day) {
    List<Map<String, Object>> l =
        jdbc.queryForList(
            "SELECT kind, holder_id, valid_from, "
                + "valid_until FROM registry_licence WHERE licence_number = ?",
            number);
    if (number == null || l.isEmpty()) {
      return new LicenceVerdict(number, null, null, day, "UNKNOWN", false);
    }
    Map<String, Object> row = l.get(0);
    List<LicenceHistory.Change> changes =
        jdbc.query(
            "SELECT effective_from, status FROM registry_licence_change WHERE licence_number = ? "
                + "ORDER BY id",
            (rs, n) ->
                new LicenceHistory.Change(
                    Columns.date(rs.getObject(1)), LicenceStatus.valueOf(rs.getString(2))),
            number);
    return verdict(
        number,
        (String) row.get("KIND"),
        (String) row.get("HOLDER_ID"),
        new LicenceHistory(
            Columns.date(row.get("VALID_FROM")), Columns.date(row.get("VALID_UNTIL")), changes),
        day);
  }

  /** The verdict of the ledger's {@link LicenceHistory} rule, with the licence's identity. */
  static LicenceVerdict verdict(
      String number, String kind, String holder, LicenceHistory history, LocalDate day) {
    LicenceHistory.Standing standing = history.standingOn(day);
    return new LicenceVerdict(number, kind, holder, day, standing.name(), standing.inForce());
  }

  /** The standing on {@code day} of every licence issued to {@code holderId}. */
  public List<LicenceVerdict> licencesOfHolderOn(String holderId, LocalDate day) {
    return jdbc
        .queryForList(
            "SELECT licence_number FROM registry_licence WHERE holder_id = ? "
                + "ORDER BY licence_number",
            String.class,
            holderId)
        .stream()
        .map(n -> licenceOn(n, day))
        .toList();
  }

  /** The registered miner, if any. */
  public Optional<CustodyFacts.MinerFacts> miner(String minerId) {
    return jdbc
        .query(
            "SELECT miner_id, patente_number, site_id, zone_id FROM registry_miner "
                + "WHERE miner_id = ?",
            (rs, n) ->
                new CustodyFacts.MinerFacts(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
            minerId)
        .stream()
        .findFirst();
  }

  /** The registered site, if any. */
  public Optional<CustodyFacts.SiteFacts> site(String siteId) {
    return jdbc
        .query(
            "SELECT site_id, zone_id FROM registry_site WHERE site_id = ?",
            (rs, n) -> new CustodyFacts.SiteFacts(rs.getString(1), rs.getString(2)),
            siteId)
        .stream()
        .findFirst();
  }

  private boolean exists(String table, String column, String id) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class, id);
    return n != null && n > 0;
  }
}
