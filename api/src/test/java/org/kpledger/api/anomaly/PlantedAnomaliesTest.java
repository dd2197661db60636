package org.kpledger.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two generated years of purchase slips (4 zones, each with its own price level, 60 slips per zone
 * and quarter, log-normal US$/ct with sigma 0.25, 50 miners per zone) with planted anomalies: 12
 * slips priced at 1/12 or 12 times their value, and 4 miners who sell ten extra slips in the last
 * quarter. Every planted anomaly is flagged; the flags on the rest (false flags) stay below the
 * rates the README states, printed per seed.
 */
class PlantedAnomaliesTest {
  private static final AnomalyThresholds DEFAULTS =
      new AnomalyThresholds(null, null, null, null, 30);
  private static final String[] ZONES = {"BERBERATI", "CARNOT", "NOLA", "BODA"};
  private static final double[] PRICE = {110, 150, 80, 200};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void everyPlantedAnomalyIsFlaggedAndFewOthersAre(long seed) {
    Random r = new Random(seed);
    List<Purchase> slips = new ArrayList<>();
    int lot = 0;
    for (int q = 0; q < 8; q++) {
      for (int z = 0; z < ZONES.length; z++) {
        for (int i = 0; i < 60; i++) {
          slips.add(slip(r, lot++, z, r.nextInt(50), q, 1.0));
        }
      }
    }
    Set<String> plantedLots = new HashSet<>();
    for (int k = 0; k < 12; k++) {
      int i = r.nextInt(slips.size());
      Purchase p = slips.get(i);
      double factor = k % 2 == 0 ? 1.0 / 12 : 12;
      slips.set(
          i,
          new Purchase(
              p.lotId(),
              p.zoneId(),
              p.minerId(),
              p.day(),
              p.carats(),
              price(p.priceUsd().doubleValue() * factor)));
      plantedLots.add(p.lotId());
    }
    Set<String> plantedMiners = new HashSet<>();
    for (int k = 0; k < 4; k++) {
      int z = k % ZONES.length;
      int miner = 10 + k;
      plantedMiners.add(ZONES[z] + "-M" + miner);
      for (int i = 0; i < 10; i++) {
        slips.add(slip(r, lot++, z, miner, 7, 1.0));
      }
    }

    List<AnomalyFlag> outliers = ValuePerCaratOutliers.flags(slips, DEFAULTS);
    Set<String> flaggedLots = new HashSet<>();
    outliers.forEach(f -> flaggedLots.add(f.subject()));
    assertThat(flaggedLots).as("planted US$/ct outliers").containsAll(plantedLots);
    long falseOutliers = flaggedLots.stream().filter(l -> !plantedLots.contains(l)).count();
    double outlierRate = (double) falseOutliers / (slips.size() - plantedLots.size());

    List<AnomalyFlag> jumps = PurchaseJumps.flags(slips, DEFAULTS);
    Set<String> jumped = new HashSet<>();
    jumps.stream().filter(f -> f.period().equals("2020-Q4")).forEach(f -> jumped.add(f.subject()));
    assertThat(jumped).as("planted jumps in the last quarter").containsAll(plantedMiners);
    long minerQuarters =
        slips.stream().map(p -> p.minerId() + p.quarter()).distinct().count()
            - plantedMiners.size();
    long falseJumps =
        jumps.stream()
            .filter(f -> !(plantedMiners.contains(f.subject()) && f.period().equals("2020-Q4")))
            .count();
    double jumpRate = (double) falseJumps / minerQuarters;
    System.out.printf(
        "seed %d: %d slips, false US$/ct flags %d (%.2f %%), %d miner-quarters, false jumps %d (%.2f %%)%n",
        seed,
        slips.size(),
        falseOutliers,
        100 * outlierRate,
        minerQuarters,
        falseJumps,
        100 * jumpRate);
    assertThat(outliers).allSatisfy(f -> assertThat(f.explanation()).contains("modified z-score"));
    assertThat(outlierRate).as("false US$/ct flags").isLessThan(0.01);
    assertThat(jumpRate).as("false jump flags").isLessThan(0.05);
  }

  private static Purchase slip(
      Random r, int lot, int zone, int miner, int quarter, double priceFactor) {
    LocalDate day = LocalDate.of(2019, 1, 1).plusMonths(3L * quarter).plusDays(r.nextInt(89));
    double carats = 0.3 + Math.exp(r.nextGaussian() * 0.6);
    double perCarat = PRICE[zone] * Math.exp(r.nextGaussian() * 0.25) * priceFactor;
    return new Purchase(
        "LOT-" + lot,
        ZONES[zone],
        ZONES[zone] + "-M" + miner,
        day,
        BigDecimal.valueOf(carats).setScale(2, RoundingMode.HALF_EVEN),
        price(carats * perCarat));
  }

  private static BigDecimal price(double usd) {
    return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_EVEN);
  }
}
