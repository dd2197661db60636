package org.kpledger.api.anomaly;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase slip as the flags read it (from the lineage projection's origins). */
record Purchase(
    String lotId,
    String zoneId,
    String minerId,
    LocalDate day,
    BigDecimal carats,
    BigDecimal priceUsd) {

  /** The quarter of its day, {@code 2019-Q1}: the KP's trade period. */
  String quarter() {
    return quarterOf(day);
  }

  /** The quarter of a day, {@code 2019-Q1}. */
  static String quarterOf(LocalDate day) {
    return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  double usdPerCarat() {
    return priceUsd.doubleValue() / carats.doubleValue();
  }
}
