package org.kpledger.api.registry;

import java.time.Instant;
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
 * class only loads their rows. A view {@link #asKnownAt} answers with only the decisions and
 * changes recorded by an instant (knowledge in two times, by the same ledger rules).
 */
@Component
public class RegistryQueries {
  private final JdbcTemplate jdbc;
  private final Instant knownAt;

  @org.springframework.beans.factory.annotation.Autowired
  RegistryQueries(JdbcTemplate jdbc) {
    this(jdbc, null);
  }

  RegistryQueries(JdbcTemplate jdbc, Instant knownAt) {
    this.jdbc = jdbc;
    this.knownAt = knownAt;
  }

  /** The instant this view knows the registry at, or null for now (everything recorded). */
  public Instant knownAt() {
    return knownAt;
  }

  /**
   * The same queries answered with only the zone decisions and licence changes the ledger had
   * recorded by {@code instant} ({@link ZoneDecisions#asKnownAt}, {@link
   * LicenceHistory#asKnownAt}); null for now.
   */
  public RegistryQueries asKnownAt(Instant instant) {
    return new RegistryQueries(jdbc, instant);
  }

  /**
   * The same answers for the given zones, licences and holders' licences, read now in a few
   * statements and then answered from memory: for queries that judge thousands of origins.
   */
  public RegistryQueries preload(
      java.util.Collection<String> zoneIds,
      java.util.Collection<String> licenceNumbers,
      java.util.Collection<String> holderIds) {
    return new PreloadedRegistry(jdbc, zoneIds, licenceNumbers, holderIds).asKnownAt(knownAt);
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

  /**
   * The zone's dated decisions with their record times, as known by this view (none for an unknown
   * zone).
   */
  public ZoneDecisions zoneDecisions(String zoneId) {
    return ZoneDecisions.of(
            jdbc.query(
                "SELECT effective_from, status, decision_ref, recorded_at "
                    + "FROM registry_zone_decision WHERE zone_id = ?",
                (rs, n) ->
                    new ZoneDecisions.Decision(
                        Columns.date(rs.getObject(1)),
                        rs.getString(2),
                        rs.getString(3),
                        Columns.instant(rs.getObject(4))),
                zoneId))
        .asKnownAt(knownAt);
  }

  /**
   * The licence's validity and status changes with their record times, as known by this view, if it
   * was issued.
   */
  public Optional<LicenceHistory> licenceHistory(String number) {
    if (number == null) {
      return Optional.empty();
    }
    List<Map<String, Object>> l =
        jdbc.queryForList(
            "SELECT valid_from, valid_until FROM registry_licence WHERE licence_number = ?",
            number);
    if (l.isEmpty()) {
      return Optional.empty();
    }
    List<LicenceHistory.Change> changes =
        jdbc.query(
            "SELECT effective_from, status, recorded_at FROM registry_licence_change "
                + "WHERE licence_number = ? ORDER BY id",
            (rs, n) ->
                new LicenceHistory.Change(
                    Columns.date(rs.getObject(1)),
                    LicenceStatus.valueOf(rs.getString(2)),
                    Columns.instant(rs.getObject(3))),
            number);
    Map<String, Object> row = l.get(0);
    return Optional.of(
        new LicenceHistory(
                Columns.date(row.get("VALID_FROM")), Columns.date(row.get("VALID_UNTIL")), changes)
            .asKnownAt(knownAt));
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

  /** The licence's standing on {@code day}, as known by this view. */
  public LicenceVerdict licenceOn(String number, LocalDate day) {
    List<Map<String, Object>> l =
        number == null
            ? List.of()
            : jdbc.queryForList(
                "SELECT kind, holder_id FROM registry_licence WHERE licence_number = ?", number);
    Optional<LicenceHistory> history = licenceHistory(number);
    if (l.isEmpty() || history.isEmpty()) {
      return new LicenceVerdict(number, null, null, day, "UNKNOWN", false);
    }
    Map<String, Object> row = l.get(0);
    return verdict(
        number, (String) row.get("KIND"), (String) row.get("HOLDER_ID"), history.get(), day);
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
