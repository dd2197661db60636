package org.kpledger.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kpledger.licence.LicenceKind;

/**
 * The registration commands a world's trade stands on, written once for the demo, the generator and
 * the benchmarks: zones with the Monitoring Team's dated decisions, sites, licences (agréments,
 * export licences, patentes), miners with their patentes, and production. The registrar signs every
 * command but a zone decision, which the monitor signs. Each tool chooses the ids, names, places
 * and dates of its world; this script turns them into commands, so that a payload is written the
 * same way whichever tool sends it.
 */
public final class RegistryScript {
  /** The decision row's zone id that names every zone ({@code seed/zone-decisions.csv}). */
  static final String ALL_ZONES = "ALL";

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private final String registrar;
  private final String monitor;

  /**
   * A script whose commands the given actors sign.
   *
   * @param registrar the KP authority's registrar
   * @param monitor the Monitoring Team's monitor
   */
  public RegistryScript(String registrar, String monitor) {
    this.registrar = registrar;
    this.monitor = monitor;
  }

  /**
   * A zone of the seed data ({@link CarZones#subPrefectures()}: id, name, prefecture, ...) and the
   * decisions on it ({@link CarZones#decisions()}: zone id or {@code ALL}, status, effective from,
   * reference), oldest first: {@code RegisterZone}, then one {@code RecordZoneDecision} per
   * decision that names this zone or all zones, in the decisions' order.
   *
   * @param subPrefecture the zone's seed row
   * @param decisions every decision row, oldest first
   * @param zoneId the world's id for a seed zone id (a generated year prefixes it)
   * @return the zone's commands, in the order they must be sent
   */
  public List<RegistryCommand> zone(
      String[] subPrefecture, List<String[]> decisions, UnaryOperator<String> zoneId) {
    String id = zoneId.apply(subPrefecture[0]);
    List<RegistryCommand> commands = new ArrayList<>();
    commands.add(registerZone(id, subPrefecture[1], subPrefecture[2]));
    for (String[] d : decisions) {
      if (d[0].equals(ALL_ZONES) || d[0].equals(subPrefecture[0])) {
        commands.add(zoneDecision(id, d[1], d[2], d[3]));
      }
    }
    return commands;
  }

  /**
   * Every zone of the seed data with its decisions, zone after zone ({@link #zone}).
   *
   * @param subPrefectures the zones' seed rows
   * @param decisions every decision row, oldest first
   * @return the commands, in the order they must be sent
   */
  public List<RegistryCommand> zones(List<String[]> subPrefectures, List<String[]> decisions) {
    List<RegistryCommand> commands = new ArrayList<>();
    for (String[] z : subPrefectures) {
      commands.addAll(zone(z, decisions, UnaryOperator.identity()));
    }
    return commands;
  }

  /** {@code RegisterZone}, signed by the registrar. */
  public RegistryCommand registerZone(String zoneId, String name, String prefecture) {
    return new RegistryCommand(
        registrar, "RegisterZone", obj("zoneId", zoneId, "name", name, "prefecture", prefecture));
  }

  /**
   * {@code RecordZoneDecision}, signed by the monitor.
   *
   * @param status a {@code ZoneStatus} name, as the seed data writes it
   * @param effectiveFrom the day the decision takes effect, ISO-8601
   */
  public RegistryCommand zoneDecision(
      String zoneId, String status, String effectiveFrom, String decisionRef) {
    return new RegistryCommand(
        monitor,
        "RecordZoneDecision",
        obj(
            "zoneId",
            zoneId,
            "status",
            status,
            "effectiveFrom",
            effectiveFrom,
            "decisionRef",
            decisionRef));
  }

  /** {@code RegisterSite} without coordinates. */
  public RegistryCommand site(String siteId, String name, String zoneId) {
    return new RegistryCommand(
        registrar, "RegisterSite", obj("siteId", siteId, "name", name, "zoneId", zoneId));
  }

  /** {@code RegisterSite} with the site's GPS point, decimal degrees as written. */
  public RegistryCommand site(
      String siteId, String name, String zoneId, BigDecimal latitude, BigDecimal longitude) {
    ObjectNode gps = obj("latitude", F.numberNode(latitude), "longitude", F.numberNode(longitude));
    return new RegistryCommand(
        registrar,
        "RegisterSite",
        obj("siteId", siteId, "name", name, "zoneId", zoneId, "gps", gps));
  }

  /** {@code IssueLicence} of {@code kind} to {@code holderId}, valid on both days given. */
  public RegistryCommand licence(
      String number, LicenceKind kind, String holderId, LocalDate validFrom, LocalDate validUntil) {
    return new RegistryCommand(
        registrar,
        "IssueLicence",
        obj(
            "licenceNumber",
            number,
            "kind",
            kind.name(),
            "holderId",
            holderId,
            "validFrom",
            validFrom.toString(),
            "validUntil",
            validUntil.toString()));
  }

  /**
   * A miner with the patente that lets them sell: {@code IssueLicence} of the patente, then {@code
   * RegisterMiner} naming it.
   *
   * @param patente the patente's number, and the days it is valid from and until
   * @return the two commands, in the order they must be sent
   */
  public List<RegistryCommand> miner(
      String minerId, String fullName, String identityDocument, String siteId, Patente patente) {
    return List.of(
        licence(patente.number(), LicenceKind.PATENTE, minerId, patente.from(), patente.until()),
        new RegistryCommand(
            registrar,
            "RegisterMiner",
            obj(
                "minerId",
                minerId,
                "fullName",
                fullName,
                "identityDocument",
                identityDocument,
                "patenteNumber",
                patente.number(),
                "siteId",
                siteId)));
  }

  /**
   * {@code RecordProduction}: what a miner dug at a site, as the site's register records it.
   *
   * @param entryId the register entry's id, unique per site
   * @param carats the carats, decimals exact
   */
  public RegistryCommand production(
      String siteId,
      String entryId,
      String minerId,
      BigDecimal carats,
      int stoneCount,
      Instant occurredAt) {
    return new RegistryCommand(
        registrar,
        "RecordProduction",
        obj(
            "siteId",
            siteId,
            "entryId",
            entryId,
            "minerId",
            minerId,
            "carats",
            F.numberNode(carats),
            "stoneCount",
            F.numberNode(stoneCount),
            "occurredAt",
            occurredAt.toString()));
  }

  private static ObjectNode obj(Object... kv) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      o.set((String) kv[i], v instanceof JsonNode n ? n : F.textNode((String) v));
    }
    return o;
  }
}
