package org.kpledger.custody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Carat arithmetic: two decimals, as on a purchase slip and a KP certificate. */
public final class Carats {
  /** The largest mass one item may carry; more than any parcel ever exported from CAR. */
  public static final BigDecimal MAX = new BigDecimal("1000000.00");

  private Carats() {}

  /** Scales to two decimals, refusing a value that would lose precision. */
  public static BigDecimal of(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The sum of the given masses, at two decimals. */
  public static BigDecimal sum(Collection<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /** Whether two masses are equal at two decimals, whatever their scale. */
  public static boolean same(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }
}
