package org.kpledger.generate;

import static org.kpledger.generate.Payload.cents;
import static org.kpledger.generate.Payload.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The planted purchase jumps ({@code PURCHASE_JUMP}: a miner's carats sold in a quarter above three
 * times the median of their earlier quarters with sales, once they have two). One miner in a
 * hundred (miners 14, 114, ...; not one whose patente lapses, nor one at a site outside the
 * compliant zones or at a site that declares its year in bulk) sells, in the calendar quarter that
 * holds day {@value #JUMP_DAY} of the year, ten extra slips (more when they would exceed 40 ct
 * each) weighing together four times the miner's best earlier quarter of the year, so the quarter
 * exceeds three times any median of the earlier ones. The buyer is the buying office {@code miner
 * mod offices}, which keeps those lots in stock (no shipment changes). Just before them, in the
 * same chain, the registrar records the miner's production for them, 1.1 times their carats dated
 * the first extra slip's day, as the register requires; so the register backs every extra slip and
 * the site's production for that quarter grows with its sales ({@code SITE_OVER_PRODUCTION} stays
 * quiet). A miner with fewer than two earlier quarters with sales is not planted. The extra slips
 * draw on a random stream of their own, so the book's slips stay those of the same seed.
 */
final class PlantedJumps {
  /** The day of the year whose calendar quarter holds the jump: at least two quarters before it. */
  static final int JUMP_DAY = 300;

  /** An extra slip of a planted miner. */
  record Slip(String lot, int day, int second, long caratCents, long priceCents) {}

  /**
   * One planted jump.
   *
   * @param quarter the calendar quarter, {@code 2026-Q3}, as the flag names it
   * @param earlierCents the miner's carats (hundredths) in each earlier quarter with sales
   * @param quarterCents the miner's carats in the quarter, the extra slips included
   */
  record Jump(
      int miner,
      int office,
      String quarter,
      List<Long> earlierCents,
      long quarterCents,
      long productionCents,
      List<Slip> slips) {}

  private final Country country;
  private final List<Jump> jumps = new ArrayList<>();

  PlantedJumps(Country country, PurchaseBook book, long seed) {
    this.country = country;
    LocalDate target = country.yearStart.plusDays(JUMP_DAY);
    String quarter = quarterOf(target);
    LocalDate quarterStart = target.with(IsoFields.DAY_OF_QUARTER, 1);
    int first = (int) Math.max(0, ChronoUnit.DAYS.between(country.yearStart, quarterStart));
    int last =
        (int)
            Math.min(
                364, ChronoUnit.DAYS.between(country.yearStart, quarterStart.plusMonths(3)) - 1);
    TreeMap<Integer, TreeMap<String, Long>> sold = new TreeMap<>();
    for (int m = 0; m < country.scale.miners(); m++) {
      if (planted(m)) {
        sold.put(m, new TreeMap<>());
      }
    }
    for (int i = 0; i < book.miner.length; i++) {
      TreeMap<String, Long> q = sold.get(book.miner[i]);
      if (q != null) {
        q.merge(quarterOf(country.yearStart.plusDays(book.day[i])), book.caratCents[i], Long::sum);
      }
    }
    sold.forEach(
        (m, quarters) -> {
          List<Long> earlier = new ArrayList<>(quarters.headMap(quarter).values());
          if (earlier.size() >= 2) {
            long extra = 4 * earlier.stream().mapToLong(Long::longValue).max().orElseThrow();
            jumps.add(
                jump(
                    m,
                    quarter,
                    earlier,
                    quarters.getOrDefault(quarter, 0L),
                    extra,
                    first,
                    last,
                    seed));
          }
        });
  }

  /** Whether a miner is one this class may plant (see the class comment). */
  boolean planted(int miner) {
    int site = country.siteOf(miner);
    return miner % 100 == 14
        && !Country.lapses(miner)
        && country.compliantSites.contains(site)
        && !country.declaresInBulk(site);
  }

  List<Jump> jumps() {
    return jumps;
  }

  /** The production recorded at a site for the jumps, in hundredths of a carat. */
  long productionAt(int site) {
    return jumps.stream()
        .filter(j -> country.siteOf(j.miner()) == site)
        .mapToLong(Jump::productionCents)
        .sum();
  }

  /**
   * The steps a buying office's purchase chain ends with: for each of its jumps, the miner's
   * production, then the extra slips.
   */
  List<Step> stepsOf(int office, String registrar, SlipPayload slip) {
    List<Step> steps = new ArrayList<>();
    for (Jump j : jumps) {
      if (j.office() == office) {
        String key = "jump/" + j.miner();
        steps.add(Step.accepted(key + "/production", registrar, "RecordProduction", production(j)));
        for (int s = 0; s < j.slips().size(); s++) {
          steps.add(
              Step.accepted(
                  key + "/slip/" + s,
                  country.buyer(office),
                  "RecordPurchase",
                  slip.of(j.miner(), j.slips().get(s))));
        }
      }
    }
    return steps;
  }

  /** Builds a purchase slip's payload (the purchase plan's, so every slip reads alike). */
  interface SlipPayload {
    ObjectNode of(int miner, Slip slip);
  }

  /** The quarter of a day as the anomaly flags name it, {@code 2026-Q3}. */
  static String quarterOf(LocalDate day) {
    return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  private Jump jump(
      int m,
      String quarter,
      List<Long> earlier,
      long already,
      long extra,
      int first,
      int last,
      long seed) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + m);
    int n = (int) Math.max(10, (extra + 3999) / 4000);
    List<Slip> slips = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      long c = s == n - 1 ? extra - (n - 1) * (extra / n) : extra / n;
      int day = first + s * (last - first + 1) / n;
      String lot = String.format("%s-LJ-%05d-%02d", country.prefix, m, s);
      slips.add(new Slip(lot, day, 6 * 3600 + r.nextInt(12 * 3600), c, c * (150 + r.nextInt(250))));
    }
    return new Jump(
        m,
        m % country.scale.offices(),
        quarter,
        List.copyOf(earlier),
        already + extra,
        (extra * 11 + 9) / 10,
        List.copyOf(slips));
  }

  private ObjectNode production(Jump j) {
    return obj(
        "siteId",
        country.site(country.siteOf(j.miner())),
        "entryId",
        country.miner(j.miner()) + "-JUMP",
        "minerId",
        country.miner(j.miner()),
        "carats",
        cents(j.productionCents()),
        "stoneCount",
        (int) Math.max(1, j.productionCents() / 40),
        "occurredAt",
        country.at(j.slips().get(0).day(), 5 * 3600).toString());
  }
}
