package org.kpledger.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An independent, slow ES6 {@code Number.prototype.toString} for tests: the shortest decimal that
 * round-trips, found with exact BigDecimal arithmetic, closest to the double on a choice and with
 * an even last digit on an exact tie (ECMA-262 §7.1.12.1, note 2), laid out by §7.1.12.1.
 */
final class Es6Oracle {

  private Es6Oracle() {}

  static String toEs6(double d) {
    if (d == 0) {
      return "0";
    }
    if (d < 0) {
      return "-" + toEs6(-d);
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal best = null;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal c = exact.round(new MathContext(p, mode));
        boolean roundTrips = Double.parseDouble(c.toString()) == d;
        if (roundTrips && (best == null || closer(c, best, exact))) {
          best = c;
        }
      }
      if (best != null) {
        return layout(best.stripTrailingZeros());
      }
    }
    throw new AssertionError("no round-tripping decimal for " + d);
  }

  private static boolean closer(BigDecimal c, BigDecimal best, BigDecimal exact) {
    int cmp = c.subtract(exact).abs().compareTo(best.subtract(exact).abs());
    return cmp < 0 || (cmp == 0 && !c.unscaledValue().testBit(0));
  }

  private static String layout(BigDecimal v) {
    String s = v.unscaledValue().toString();
    int k = s.length();
    int n = k - v.scale();
    if (k <= n && n <= 21) {
      return s + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return s.substring(0, n) + "." + s.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + s;
    }
    int e = n - 1;
    String exp = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    return k == 1 ? s + exp : s.charAt(0) + "." + s.substring(1) + exp;
  }
}
