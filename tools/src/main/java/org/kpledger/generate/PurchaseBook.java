package org.kpledger.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every purchase slip of the year, drawn once from the seed: who bought (a collector, or one buying
 * office in ten buying directly), from which miner, on which field day, how many carats for what
 * price. Kept in primitive arrays so a 10x year (a million slips) stays small.
 */
final class PurchaseBook {
  private final Country country;
  final int[] buyer; // collector index, or -(office + 1) for a direct purchase by a buying office
  final int[] miner;
  final int[] day;
  final int[] second;
  final long[] caratCents;
  final long[] priceCents;
  private Map<Integer, List<Integer>> byBuyer;

  PurchaseBook(Country country, long seed) {
    this.country = country;
    int n = country.scale.slips();
    buyer = new int[n];
    miner = new int[n];
    day = new int[n];
    second = new int[n];
    caratCents = new long[n];
    priceCents = new long[n];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int site;
      if (r.nextInt(10) == 0) {
        buyer[i] = -(r.nextInt(country.scale.offices()) + 1);
        site = country.compliantSites.get(r.nextInt(country.compliantSites.size()));
      } else {
        buyer[i] = r.nextInt(country.scale.collectors());
        List<Integer> sites = country.sitesOf(buyer[i]);
        site = sites.get(r.nextInt(sites.size()));
      }
      List<Integer> here = country.minersAt.get(site);
      miner[i] = here.get(r.nextInt(here.size()));
      day[i] = r.nextInt(365);
      if (Country.lapses(miner[i]) && day[i] >= Country.LAPSE_DAY) {
        day[i] = r.nextInt(Country.LAPSE_DAY);
      }
      second[i] = 6 * 3600 + r.nextInt(12 * 3600);
      // rough diamonds from artisanal diggings: mostly small stones, now and then a large one
      caratCents[i] =
          Math.max(5, Math.min(5000, Math.round(60 * Math.exp(0.9 * r.nextGaussian()))));
      priceCents[i] = caratCents[i] * (150 + r.nextInt(250));
      if (mispriced(i)) {
        priceCents[i] = (i / 250) % 2 == 0 ? priceCents[i] * 12 : Math.max(1, priceCents[i] / 12);
      }
    }
  }

  /**
   * One slip in 250 (slips 125, 375, ...) is a planted anomaly: priced at twelve times its value,
   * or at a twelfth, every other one, against the US$ 150 to 400 per carat of the rest ({@code
   * VALUE_PER_CARAT_OUTLIER}).
   */
  static boolean mispriced(int slip) {
    return slip % 250 == 125;
  }

  /** The slips of one collector ({@code >= 0}) or office ({@code -(b + 1)}), by field time. */
  synchronized List<Integer> slipsOf(int buyerCode) {
    if (byBuyer == null) {
      byBuyer = new HashMap<>();
      for (int i = 0; i < buyer.length; i++) {
        byBuyer.computeIfAbsent(buyer[i], b -> new ArrayList<>()).add(i);
      }
      byBuyer
          .values()
          .forEach(
              l ->
                  l.sort(
                      Comparator.<Integer>comparingInt(i -> day[i])
                          .thenComparingInt(i -> second[i])));
    }
    return byBuyer.getOrDefault(buyerCode, List.of());
  }

  /** When a slip's purchase happened in the field (a Bangui day and time). */
  Instant occurredAt(int slip) {
    return country.at(day[slip], second[slip]);
  }

  /** Quarter of the year (0 to 3) of a day. */
  static int quarter(int dayOfYear) {
    return Math.min(3, dayOfYear * 4 / 365);
  }

  /** Carats (in hundredths) each miner sold per quarter: {@code [miner][quarter]}. */
  long[][] salesByMinerAndQuarter() {
    long[][] sums = new long[country.scale.miners()][4];
    for (int i = 0; i < buyer.length; i++) {
      sums[miner[i]][quarter(day[i])] += caratCents[i];
    }
    return sums;
  }
}
