package org.kpledger.api.anomaly;

import java.util.Arrays;

/**
 * Median, median absolute deviation and the modified z-score of Iglewicz and Hoaglin (1993): {@code
 * 0.6745 (x - median) / MAD}, robust to the very outliers it looks for (a mean and standard
 * deviation would be dragged by them).
 */
final class RobustStatistics {
  private RobustStatistics() {}

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The median of the absolute deviations from the median. */
  static double mad(double[] values, double median) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = Math.abs(values[i] - median);
    }
    return median(d);
  }

  /** The modified z-score; infinite when MAD is 0 and x differs from the median. */
  static double modifiedZ(double x, double median, double mad) {
    if (mad == 0) {
      return x == median ? 0 : Double.POSITIVE_INFINITY;
    }
    return 0.6745 * (x - median) / mad;
  }
}
