package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan plants purchase jumps the {@code PURCHASE_JUMP} rule catches (a miner's quarter above
 * three times the median of two or more earlier quarters with sales), whatever day the year ends
 * on, backed by production recorded for the jump's day, at sites the other planted anomalies leave
 * alone; and it leaves certificates unconfirmed and one mismatched even in the tiniest year. Judged
 * on the plan alone (no node): the quarters are the Bangui calendar quarters the flag reads.
 */
class PlantedJumpsTest {

  @ParameterizedTest(name = "size {0}, seed {1}, year ending {2}")
  @CsvSource({
    "0.005, 7, 2026-12-05",
    "0.005, 3, 2026-03-31",
    "0.005, 11, 2026-07-01",
    "1, 1, 2026-12-05",
    "1, 2, 2027-02-14"
  })
  void everyPlantedJumpExceedsThreeTimesTheMedianOfTheMinersEarlierQuarters(
      double size, long seed, LocalDate yearEnd) {
    YearPlan plan = new YearPlan(seed, size, "PJ", yearEnd, Identities.named("PJ"));
    Country c = plan.country;
    PurchaseBook book = new PurchaseBook(c, seed);
    PlantedJumps jumps = new PlantedJumps(c, book, seed);
    assertThat(jumps.jumps()).as("jumps planted").isNotEmpty();
    assertThat(jumps.jumps()).hasSizeLessThanOrEqualTo(Math.max(1, c.scale.miners() / 100));
    for (PlantedJumps.Jump j : jumps.jumps()) {
      int site = c.siteOf(j.miner());
      assertThat(j.miner() % 100).isEqualTo(14);
      assertThat(Country.lapses(j.miner())).isFalse();
      assertThat(c.declaresInBulk(site)).isFalse();
      assertThat(c.compliantSites).contains(site);

      Map<String, Long> quarters = new TreeMap<>();
      for (int i = 0; i < book.miner.length; i++) {
        if (book.miner[i] == j.miner()) {
          quarters.merge(quarterOf(c, book.day[i]), book.caratCents[i], Long::sum);
        }
      }
      long extra = 0;
      for (PlantedJumps.Slip s : j.slips()) {
        assertThat(quarterOf(c, s.day())).as(s.lot()).isEqualTo(j.quarter());
        assertThat(s.day()).isBetween(0, 364);
        assertThat(s.caratCents()).isBetween(1L, 5000L);
        assertThat(s.priceCents() / s.caratCents()).isBetween(150L, 399L);
        extra += s.caratCents();
      }
      quarters.merge(j.quarter(), extra, Long::sum);
      List<Long> earlier =
          quarters.entrySet().stream()
              .filter(e -> e.getKey().compareTo(j.quarter()) < 0)
              .map(Map.Entry::getValue)
              .toList();
      assertThat(earlier).as("earlier quarters with sales").hasSizeGreaterThanOrEqualTo(2);
      assertThat(j.earlierCents()).isEqualTo(earlier);
      assertThat(quarters.get(j.quarter())).isEqualTo(j.quarterCents());
      assertThat((double) j.quarterCents()).isGreaterThan(3 * median(earlier));
      assertThat(j.productionCents()).as("production for the extra slips").isGreaterThan(extra);
      assertThat(j.slips().get(0).day())
          .isEqualTo(j.slips().stream().mapToInt(PlantedJumps.Slip::day).min().orElseThrow());
      assertThat(jumps.productionAt(site)).isGreaterThanOrEqualTo(j.productionCents());
    }
    PlantedAnomalies planted = plan.planted();
    assertThat(planted.purchaseJumps()).hasSameSizeAs(jumps.jumps());
    assertThat(planted.unconfirmedCertificates()).as("never confirmed").isNotEmpty();
    assertThat(planted.mismatchedCertificates()).containsExactly(c.certificate(1));
  }

  private static String quarterOf(Country c, int day) {
    return PlantedJumps.quarterOf(c.yearStart.plusDays(day));
  }

  private static double median(List<Long> values) {
    double[] v = values.stream().mapToDouble(Long::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  @ParameterizedTest(name = "{0} shipments")
  @CsvSource({"6", "7", "8", "10", "50"})
  void everyYearLeavesACertificateUnconfirmed(int shipments) {
    long unconfirmed =
        IntStream.range(0, shipments)
            .filter(k -> Shipments.exported(k) && Shipments.neverConfirmed(k, shipments))
            .count();
    assertThat(unconfirmed).isGreaterThanOrEqualTo(1);
    assertThat(Arrays.asList(Shipments.confirmedWithMismatch(1), Shipments.exported(1)))
        .containsOnly(true);
  }
}
