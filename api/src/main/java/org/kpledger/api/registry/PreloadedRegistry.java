package org.kpledger.api.registry;

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
 * zones and licences over and over.
 */
final class PreloadedRegistry extends RegistryQueries {
  private record Licence(String kind, String holder, LocalDate from, LocalDate until) {}

  private record Change(LocalDate from, long id, String status) {}

  private final Set<String> zonesLoaded = new HashSet<>();
  private final Map<String, String> zoneNames = new HashMap<>();
  private final Map<String, List<ZoneDecisions.Decision>> decisions = new HashMap<>();
  // filled as zones are asked for; a cached trace's registry is read by concurrent requests
  private final Map<String, ZoneDecisions> zoneRules =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> licencesLoaded = new HashSet<>();
  private final Map<String, Licence> licences = new HashMap<>();
  private final Map<String, List<Change>> changes = new HashMap<>();
  private final Map<String, TreeSet<String>> holders = new HashMap<>();

  PreloadedRegistry(
      JdbcTemplate jdbc,
      Collection<String> zoneIds,
      Collection<String> licenceNumbers,
      Collection<String> holderIds) {
    super(jdbc);
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    Set<String> zones = nonNull(zoneIds);
    if (!zones.isEmpty()) {
      Map<String, Object> p = Map.of("ids", zones);
      named.query(
          "SELECT zone_id, name FROM registry_zone WHERE zone_id IN (:ids)",
          p,
          rs -> {
            zoneNames.put(rs.getString(1), rs.getString(2));
          });
      named.query(
          "SELECT zone_id, effective_from, status, decision_ref FROM registry_zone_decision "
              + "WHERE zone_id IN (:ids)",
          p,
          rs -> {
            decisions
                .computeIfAbsent(rs.getString(1), z -> new ArrayList<>())
                .add(
                    new ZoneDecisions.Decision(
                        Columns.date(rs.getObject(2)), rs.getString(3), rs.getString(4)));
          });
      zonesLoaded.addAll(zones);
    }
    Set<String> numbers = nonNull(licenceNumbers);
    Set<String> owners = nonNull(holderIds);
    if (!owners.isEmpty()) {
      named.query(
          "SELECT holder_id, licence_number FROM registry_licence WHERE holder_id IN (:ids)",
          Map.of("ids", owners),
          rs -> {
            holders.computeIfAbsent(rs.getString(1), h -> new TreeSet<>()).add(rs.getString(2));
            numbers.add(rs.getString(2));
          });
      owners.forEach(h -> holders.putIfAbsent(h, new TreeSet<>()));
    }
    if (!numbers.isEmpty()) {
      Map<String, Object> p = Map.of("ids", numbers);
      named.query(
          "SELECT licence_number, kind, holder_id, valid_from, valid_until FROM registry_licence "
              + "WHERE licence_number IN (:ids)",
          p,
          rs -> {
            licences.put(
                rs.getString(1),
                new Licence(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class)));
          });
      named.query(
          "SELECT licence_number, effective_from, id, status FROM registry_licence_change "
              + "WHERE licence_number IN (:ids) ORDER BY licence_number, id",
          p,
          rs -> {
            changes
                .computeIfAbsent(rs.getString(1), n -> new ArrayList<>())
                .add(new Change(rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getString(4)));
          });
      licencesLoaded.addAll(numbers);
    }
  }

  @Override
  public ZoneVerdict zoneOn(String zoneId, LocalDate day) {
    if (zoneId == null || day == null || !zonesLoaded.contains(zoneId)) {
      return super.zoneOn(zoneId, day);
    }
    // sorted once per zone, not once per origin
    ZoneDecisions.Period p =
        zoneRules
            .computeIfAbsent(zoneId, z -> ZoneDecisions.of(decisions.getOrDefault(z, List.of())))
            .on(day);
    return new ZoneVerdict(
        zoneId,
        zoneNames.get(zoneId),
        day,
        p.status(),
        p.compliant(),
        p.decision() == null ? null : p.decision().decisionRef());
  }

  @Override
  public Optional<String> zoneName(String zoneId) {
    return zonesLoaded.contains(zoneId)
        ? Optional.ofNullable(zoneNames.get(zoneId))
        : super.zoneName(zoneId);
  }

  @Override
  public boolean zoneExists(String zoneId) {
    return zonesLoaded.contains(zoneId) ? zoneNames.containsKey(zoneId) : super.zoneExists(zoneId);
  }

  @Override
  public LicenceVerdict licenceOn(String number, LocalDate day) {
    if (number == null || !licencesLoaded.contains(number)) {
      return super.licenceOn(number, day);
    }
    Licence l = licences.get(number);
    if (l == null) {
      return new LicenceVerdict(number, null, null, day, "UNKNOWN", false);
    }
    List<LicenceHistory.Change> dated =
        changes.getOrDefault(number, List.of()).stream()
            .map(c -> new LicenceHistory.Change(c.from(), LicenceStatus.valueOf(c.status())))
            .toList();
    return verdict(
        number, l.kind(), l.holder(), new LicenceHistory(l.from(), l.until(), dated), day);
  }

  @Override
  public List<LicenceVerdict> licencesOfHolderOn(String holderId, LocalDate day) {
    TreeSet<String> numbers = holders.get(holderId);
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
