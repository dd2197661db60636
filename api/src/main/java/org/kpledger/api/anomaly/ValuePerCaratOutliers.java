package org.kpledger.api.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Purchases whose US$ per carat lies outside the distribution of their zone and quarter: the
 * modified z-score of its logarithm against the group's median and MAD beyond {@link
 * AnomalyThresholds#outlierZ()}. Prices are compared on a log scale because they vary by factors: a
 * twelfth of the median is as far out as twelve times it (on a linear scale an undervaluation could
 * never lie further below the median than the median itself) (kp-facts §3: declared $/ct far below
 * peers is the undervaluation red flag; far above can launder stones from elsewhere).
 */
final class ValuePerCaratOutliers {
  static final String KIND = "VALUE_PER_CARAT_OUTLIER";

  private ValuePerCaratOutliers() {}

  static List<AnomalyFlag> flags(List<Purchase> purchases, AnomalyThresholds t) {
    Map<String, List<Purchase>> groups = new TreeMap<>();
    for (Purchase p : purchases) {
      if (p.priceUsd() != null && p.carats().signum() > 0) {
        groups.computeIfAbsent(p.zoneId() + "|" + p.quarter(), k -> new ArrayList<>()).add(p);
      }
    }
    List<AnomalyFlag> out = new ArrayList<>();
    for (List<Purchase> g : groups.values()) {
      if (g.size() < t.minGroup()) {
        continue;
      }
      double[] v = g.stream().mapToDouble(p -> Math.log(p.usdPerCarat())).toArray();
      double median = RobustStatistics.median(v);
      double mad = RobustStatistics.mad(v, median);
      for (Purchase p : g) {
        double z = RobustStatistics.modifiedZ(Math.log(p.usdPerCarat()), median, mad);
        if (Math.abs(z) > t.outlierZ()) {
          out.add(flag(p, g.size(), median, mad, z, t));
        }
      }
    }
    return out;
  }

  private static AnomalyFlag flag(
      Purchase p, int n, double logMedian, double mad, double z, AnomalyThresholds t) {
    BigDecimal value = usd(p.usdPerCarat());
    double median = Math.exp(logMedian);
    double factor = Math.exp(Math.abs(Math.log(p.usdPerCarat()) - logMedian));
    return new AnomalyFlag(
        KIND,
        p.lotId(),
        p.quarter(),
        p.day(),
        p.zoneId(),
        value,
        usd(median),
        String.format(
            java.util.Locale.ROOT,
            "US$ %s/ct is %.1f times %s the median US$ %s/ct of the %d purchases in %s in %s"
                + " (log scale, MAD %.3f): modified z-score %s, beyond %s",
            value.toPlainString(),
            factor,
            z < 0 ? "below" : "above",
            usd(median).toPlainString(),
            n,
            p.zoneId(),
            p.quarter(),
            mad,
            Double.isInfinite(z)
                ? "infinite (MAD 0)"
                : String.format(java.util.Locale.ROOT, "%.1f", z),
            t.outlierZ()));
  }

  static BigDecimal usd(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }
}
