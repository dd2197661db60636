package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole lineage in figures, over every origin of the trace (not one page): carats and counts with
 * their verdict mix, overall and per sub-prefecture, site and miner.
 *
 * @param origins how many origins (purchase slips and stockpile items)
 * @param slips how many of them are purchase slips
 * @param lineageItems how many items the lineage holds (lots, parcels, stockpile items)
 * @param carats the origins' carats as they entered the ledger
 * @param verdict COMPLIANT when every origin is, else the most serious verdict of an origin
 * @param verdicts origins and carats per verdict (only verdicts that occur)
 * @param zones per sub-prefecture ({@code UNDOCUMENTED} for an origin without one), by id
 * @param sites per site ({@code NONE} for stockpile items), by id
 * @param miners per miner ({@code NONE} for stockpile items), by id
 */
record TraceSummary(
    int origins,
    int slips,
    int lineageItems,
    BigDecimal carats,
    OriginVerdict verdict,
    Map<OriginVerdict, Tally> verdicts,
    List<Group> zones,
    List<Group> sites,
    List<Group> miners) {

  /** How many origins and how many carats. */
  record Tally(int origins, BigDecimal carats) {
    Tally plus(BigDecimal c) {
      return new Tally(origins + 1, carats.add(c));
    }
  }

  /** The figures of one zone, site or miner. */
  record Group(
      String id, int origins, int slips, BigDecimal carats, Map<OriginVerdict, Tally> verdicts) {}

  /** Adds origins one at a time, then gives the summary. */
  static final class Counter {
    private final Totals all = new Totals();
    private final Map<String, Totals> zones = new TreeMap<>();
    private final Map<String, Totals> sites = new TreeMap<>();
    private final Map<String, Totals> miners = new TreeMap<>();

    void add(LineageRows.Origin o, OriginVerdict v) {
      all.add(o, v);
      zones.computeIfAbsent(or(o.origin().zoneId(), "UNDOCUMENTED"), k -> new Totals()).add(o, v);
      sites.computeIfAbsent(or(o.origin().siteId(), "NONE"), k -> new Totals()).add(o, v);
      miners.computeIfAbsent(or(o.origin().minerId(), "NONE"), k -> new Totals()).add(o, v);
    }

    TraceSummary summary(int lineageItems) {
      OriginVerdict worst =
          all.verdicts.keySet().stream().max(Enum::compareTo).orElse(OriginVerdict.COMPLIANT);
      return new TraceSummary(
          all.origins,
          all.slips,
          lineageItems,
          all.carats,
          worst,
          all.verdicts,
          groups(zones),
          groups(sites),
          groups(miners));
    }

    /** Carats per zone, as the trace has always answered them. */
    Map<String, BigDecimal> caratsByZone() {
      Map<String, BigDecimal> out = new TreeMap<>();
      zones.forEach((z, t) -> out.put(z, t.carats));
      return out;
    }

    private static List<Group> groups(Map<String, Totals> m) {
      return m.entrySet().stream()
          .map(
              e -> {
                Totals t = e.getValue();
                return new Group(e.getKey(), t.origins, t.slips, t.carats, t.verdicts);
              })
          .toList();
    }

    private static String or(String value, String otherwise) {
      return value == null ? otherwise : value;
    }
  }

  private static final class Totals {
    private int origins;
    private int slips;
    private BigDecimal carats = BigDecimal.ZERO.setScale(2);
    private final Map<OriginVerdict, Tally> verdicts = new EnumMap<>(OriginVerdict.class);

    void add(LineageRows.Origin o, OriginVerdict v) {
      origins++;
      slips += o.slipNumber() == null ? 0 : 1;
      carats = carats.add(o.origin().carats());
      verdicts.merge(v, new Tally(1, o.origin().carats()), (a, b) -> a.plus(b.carats()));
    }
  }
}
