package org.kpledger.api.anomaly;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A miner whose purchases in a quarter jump against their own history: more carats than {@link
 * AnomalyThresholds#jumpFactor()} times the median of the miner's earlier quarters with purchases
 * (kp-facts §4, type 1: period-to-period jumps; a sudden rise can mean stones from elsewhere sold
 * under a registered miner's name).
 */
final class PurchaseJumps {
  static final String KIND = "PURCHASE_JUMP";

  private PurchaseJumps() {}

  static List<AnomalyFlag> flags(List<Purchase> purchases, AnomalyThresholds t) {
    Map<String, TreeMap<String, BigDecimal>> byMiner = new TreeMap<>();
    for (Purchase p : purchases) {
      if (p.minerId() != null) {
        byMiner
            .computeIfAbsent(p.minerId(), k -> new TreeMap<>())
            .merge(p.quarter(), p.carats(), BigDecimal::add);
      }
    }
    List<AnomalyFlag> out = new ArrayList<>();
    byMiner.forEach(
        (miner, quarters) -> {
          List<Double> history = new ArrayList<>();
          for (Map.Entry<String, BigDecimal> q : quarters.entrySet()) {
            double carats = q.getValue().doubleValue();
            if (history.size() >= t.minHistory()) {
              double median =
                  RobustStatistics.median(
                      history.stream().mapToDouble(Double::doubleValue).toArray());
              if (carats > t.jumpFactor() * median) {
                out.add(flag(miner, q.getKey(), q.getValue(), median, history.size(), t));
              }
            }
            history.add(carats);
          }
        });
    return out;
  }

  private static AnomalyFlag flag(
      String miner, String quarter, BigDecimal carats, double median, int n, AnomalyThresholds t) {
    BigDecimal reference = ValuePerCaratOutliers.usd(median);
    return new AnomalyFlag(
        KIND,
        miner,
        quarter,
        null,
        miner,
        carats,
        reference,
        "miner "
            + miner
            + " sold "
            + carats.toPlainString()
            + " ct in "
            + quarter
            + ", more than "
            + t.jumpFactor()
            + " times the median "
            + reference.toPlainString()
            + " ct of their "
            + n
            + " earlier quarters with purchases");
  }
}
