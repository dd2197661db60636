package org.kpledger.api.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kpledger.api.projection.Columns;
import org.kpledger.licence.LicenceHistory;
import org.kpledger.licence.LicenceStatus;
import org.kpledger.zone.ZoneDecisions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The registry rows one query needs (some zones with their decisions, some licences with their
 * status changes, every licence of some holders), read in five statements instead of several per
 * origin, answering by the same rules as {@link RegistryQueries}; anything not preloaded is read
 * from the tables as before. A trace of a shipment carrying thousands of lots asks for the same
 * zones and licences over and over. Views {@link #asKnownAt} share the rows read.
 */
final class PreloadedRegistry extends RegistryQueries {
  private record Licence(String kind, String holder, LocalDate from, LocalDate until) {}

  /** The rows read once, shared by every view of them. */
  private static final class Rows {
    final Set<String> zonesLoaded = new HashSet<>();
    final Map<String, String> zoneNames = new HashMap<>();
    final Map<String, List<ZoneDecisions.Decision>> decisions = new HashMap<>();
    final Set<String> licencesLoaded = new HashSet<>();
    final Map<String, Licence> licences = new HashMap<>();
    final Map<String, List<LicenceHistory.Change>> changes = new HashMap<>();
    final Map<String, TreeSet<String>> holders = new HashMap<>();
    // a cached trace's registry is read by concurrent requests, each maybe at another instant
    final Map<Optional<Instant>, PreloadedRegistry> views = new ConcurrentHashMap<>();
  }

  private final Rows rows;
  private final JdbcTemplate jdbc;
  // filled as zones are asked for
  private final Map<String, ZoneDecisions> zoneRules = new ConcurrentHashMap<>();
  // filled as licences are asked for: a trace asks for the same few hundred licences once or
  // twice per origin, and each history sorts its changes when made
  private final Map<String, Optional<LicenceHistory>> licenceRules = new ConcurrentHashMap<>();

  private PreloadedRegistry(JdbcTemplate jdbc, Rows rows, Instant knownAt) {
    super(jdbc, knownAt);
    this.jdbc = jdbc;
    this.rows = rows;
  }

  PreloadedRegistry(
      JdbcTemplate jdbc,
      Collection<String> zoneIds,
      Collection<String> licenceNumbers,
      Collection<String> holderIds) {
    this(jdbc, new Rows(), null);
    rows.views.put(Optional.empty(), this);
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    Set<String> zones = nonNull(zoneIds);
    if (!zones.isEmpty()) {
      Map<String, Object> p = Map.of("ids", zones);
      named.query(
          "SELECT zone_id, name FROM registry_zone WHERE zone_id IN (:ids)",
          p,
          rs -> {
            rows.zoneNames.put(rs.getString(1), rs.getString(2));
          });
      named.query(
          "SELECT zone_id, effective_from, status, decision_ref, recorded_at "
              + "FROM registry_zone_decision WHERE zone_id IN (:ids)",
          p,
          rs -> {
            rows.decisions
                .computeIfAbsent(rs.getString(1), z -> new ArrayList<>())
                .add(
                    new ZoneDecisions.Decision(
                        Columns.date(rs.getObject(2)),
                        rs.getString(3),
                        rs.getString(4),
                        Columns.instant(rs.getObject(5))));
          });
      rows.zonesLoaded.addAll(zones);
    }
    Set<String> numbers = nonNull(licenceNumbers);
    Set<String> owners = nonNull(holderIds);
    if (!owners.isEmpty()) {
      named.query(
          "SELECT holder_id, licence_number FROM registry_licence WHERE holder_id IN (:ids)",
          Map.of("ids", owners),
          rs -> {
            rows.holders
                .computeIfAbsent(rs.getString(1), h -> new TreeSet<>())
                .add(rs.getString(2));
            numbers.add(rs.getString(2));
          });
      owners.forEach(h -> rows.holders.putIfAbsent(h, new TreeSet<>()));
    }
    if (!numbers.isEmpty()) {
      Map<String, Object> p = Map.of("ids", numbers);
      named.query(
          "SELECT licence_number, kind, holder_id, valid_from, valid_until FROM registry_licence "
              + "WHERE licence_number IN (:ids)",
          p,
          rs -> {
            rows.licences.put(
                rs.getString(1),
                new Licence(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class)));
          });
      named.query(
          "SELECT licence_number, effective_from, status, recorded_at FROM registry_licence_change "
              + "WHERE licence_number IN (:ids) ORDER BY licence_number, id",
          p,
          rs -> {
            rows.changes
                .computeIfAbsent(rs.getString(1), n -> new ArrayList<>())
                .add(
                    new LicenceHistory.Change(
                        rs.getObject(2, LocalDate.class),
                        LicenceStatus.valueOf(rs.getString(3)),
                        Columns.instant(rs.getObject(4))));
          });
      rows.licencesLoaded.addAll(numbers);
    }
  }

  @Override
  public RegistryQueries asKnownAt(Instant instant) {
    return rows.views.computeIfAbsent(
        Optional.ofNullable(instant), i -> new PreloadedRegistry(jdbc, rows, instant));
  }

  @Override
  public ZoneDecisions zoneDecisions(String zoneId) {
    if (zoneId == null || !rows.zonesLoaded.contains(zoneId)) {
      return super.zoneDecisions(zoneId);
    }
    // sorted once per zone and view, not once per origin
    return zoneRules.computeIfAbsent(
        zoneId,
        z -> ZoneDecisions.of(rows.decisions.getOrDefault(z, List.of())).asKnownAt(knownAt()));
  }

  @Override
  public ZoneVerdict zoneOn(String zoneId, LocalDate day) {
    if (zoneId == null || day == null || !rows.zonesLoaded.contains(zoneId)) {
      return super.zoneOn(zoneId, day);
    }
    ZoneDecisions.Period p = zoneDecisions(zoneId).on(day);
    return new ZoneVerdict(
        zoneId,
        rows.zoneNames.get(zoneId),
        day,
        p.status(),
        p.compliant(),
        p.decision() == null ? null : p.decision().decisionRef());
  }

  @Override
  public Optional<String> zoneName(String zoneId) {
    return rows.zonesLoaded.contains(zoneId)
        ? Optional.ofNullable(rows.zoneNames.get(zoneId))
        : super.zoneName(zoneId);
  }

  @Override
  public boolean zoneExists(String zoneId) {
    return rows.zonesLoaded.contains(zoneId)
        ? rows.zoneNames.containsKey(zoneId)
        : super.zoneExists(zoneId);
  }

  @Override
  public Optional<LicenceHistory> licenceHistory(String number) {
    if (number == null || !rows.licencesLoaded.contains(number)) {
      return super.licenceHistory(number);
    }
    return licenceRules.computeIfAbsent(
        number,
        n -> {
          Licence l = rows.licences.get(n);
          return l == null
              ? Optional.empty()
              : Optional.of(
                  new LicenceHistory(l.from(), l.until(), rows.changes.getOrDefault(n, List.of()))
                      .asKnownAt(knownAt()));
        });
  }

  @Override
  public LicenceVerdict licenceOn(String number, LocalDate day) {
    if (number == null || !rows.licencesLoaded.contains(number)) {
      return super.licenceOn(number, day);
    }
    Licence l = rows.licences.get(number);
    if (l == null) {
      return new LicenceVerdict(number, null, null, day, "UNKNOWN", false);
    }
    return verdict(number, l.kind(), l.holder(), licenceHistory(number).orElseThrow(), day);
  }

  @Override
  public List<LicenceVerdict> licencesOfHolderOn(String holderId, LocalDate day) {
    TreeSet<String> numbers = rows.holders.get(holderId);
    if (numbers == null) {
      return super.licencesOfHolderOn(holderId, day);
    }
    return numbers.stream().map(n -> licenceOn(n, day)).toList();
  }

  private static Set<String> nonNull(Collection<String> ids) {
    Set<String> out = new HashSet<>();
    ids.stream().filter(java.util.Objects::nonNull).forEach(out::add);
    return out;
  }
}
