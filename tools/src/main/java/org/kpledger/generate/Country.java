package org.kpledger.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.world.CarZones;

/**
 * The generated country: the sub-prefectures and their dated decisions from the seed CSVs (the same
 * as the demo's), sites spread over compliant and non-compliant zones, miners at the sites,
 * collectors working a handful of sites each and selling to one buying office. Every id carries the
 * run's prefix, so two generated years never collide in one ledger.
 */
final class Country {
  /** Compliant since 2016 in the seed decisions (kp-facts §2.1). */
  static final Set<String> COMPLIANT = Set.of("BERBERATI", "CARNOT", "BODA", "NOLA");

  /**
   * Day (from the year's start) after which the lapsing miners' patentes are no longer in force.
   */
  static final int LAPSE_DAY = 180;

  final String prefix;
  final Scale scale;
  final LocalDate yearEnd;
  final LocalDate yearStart;
  final List<String[]> zones = CarZones.subPrefectures();
  final List<String[]> decisions = CarZones.decisions();
  final String[] siteZone;
  final List<Integer> compliantSites = new ArrayList<>();
  final List<Integer> otherSites = new ArrayList<>();
  final List<List<Integer>> minersAt = new ArrayList<>();

  Country(String prefix, Scale scale, LocalDate yearEnd) {
    this.prefix = prefix;
    this.scale = scale;
    this.yearEnd = yearEnd;
    this.yearStart = yearEnd.minusDays(365);
    List<String> west = zones.stream().map(z -> z[0]).filter(COMPLIANT::contains).toList();
    List<String> rest = zones.stream().map(z -> z[0]).filter(z -> !COMPLIANT.contains(z)).toList();
    int compliantCount = Math.max(4, (int) Math.round(scale.sites() * 0.8));
    siteZone = new String[scale.sites()];
    for (int s = 0; s < scale.sites(); s++) {
      boolean compliant = s < compliantCount;
      siteZone[s] =
          compliant ? west.get(s % west.size()) : rest.get((s - compliantCount) % rest.size());
      (compliant ? compliantSites : otherSites).add(s);
      minersAt.add(new ArrayList<>());
    }
    for (int m = 0; m < scale.miners(); m++) {
      minersAt.get(siteOf(m)).add(m);
    }
  }

  /** A moment of the year: a day from its start and a second of that Bangui day. */
  Instant at(int dayOfYear, int secondOfDay) {
    return yearStart
        .plusDays(dayOfYear)
        .atStartOfDay(LedgerCalendar.ZONE)
        .plusSeconds(secondOfDay)
        .toInstant();
  }

  int siteOf(int miner) {
    return miner % scale.sites();
  }

  /** One miner in forty lets the patente lapse half way through the year. */
  static boolean lapses(int miner) {
    return miner % 40 == 17;
  }

  /**
   * One compliant site in fifty (site 1, 51, ...) is a planted anomaly: its miners declare the
   * whole year's production in one entry on the year's first day instead of quarter by quarter, so
   * the register backs every later slip while the site sells far more in each later quarter than it
   * records for it ({@code SITE_OVER_PRODUCTION}).
   */
  boolean declaresInBulk(int site) {
    return site % 50 == 1 && compliantSites.contains(site);
  }

  /** One collector in eight works the non-compliant east; its goods can never be exported. */
  static boolean eastern(int collector) {
    return collector % 8 == 3;
  }

  int officeOf(int collector) {
    return collector % scale.offices();
  }

  /** The sites a collector buys at: six neighbouring sites of its region. */
  List<Integer> sitesOf(int collector) {
    List<Integer> group = eastern(collector) ? otherSites : compliantSites;
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < Math.min(6, group.size()); j++) {
      out.add(group.get((collector * 7 + j) % group.size()));
    }
    return out;
  }

  String zone(String seedId) {
    return prefix + "-" + seedId;
  }

  String site(int s) {
    return String.format("%s-S-%04d", prefix, s);
  }

  String miner(int m) {
    return String.format("%s-M-%05d", prefix, m);
  }

  String patente(int m) {
    return String.format("%s-PAT-%05d", prefix, m);
  }

  String collector(int c) {
    return String.format("%s-COL-%04d", prefix, c);
  }

  String agrement(int c) {
    return String.format("%s-AGR-%04d", prefix, c);
  }

  String office(int b) {
    return String.format("%s-BO-%02d", prefix, b);
  }

  String buyer(int b) {
    return office(b) + "-BUYER";
  }

  String exportLicence(int b) {
    return String.format("%s-EXP-%02d", prefix, b);
  }

  String lot(int slip) {
    return String.format("%s-L-%07d", prefix, slip);
  }

  String bag(int collector, int k) {
    return String.format("%s-BAG-%04d-%03d", prefix, collector, k);
  }

  String shipment(int k) {
    return String.format("%s-SH-%03d", prefix, k);
  }

  String certificate(int k) {
    return String.format("CF-%s-%04d", prefix, k);
  }
}
