package org.kpledger.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar in which zone decisions and licence validity are read: the Central African
 * Republic's civil time (Africa/Bangui, UTC+1). A purchase at 23:30 UTC on 18 September is on 19
 * September in Bangui.
 */
public final class LedgerCalendar {
  /** Bangui time. */
  public static final ZoneId ZONE = ZoneId.of("Africa/Bangui");

  /** The date of the CAR suspension (KP Administrative Decision, 23 May 2013). */
  public static final LocalDate SUSPENSION_DATE = LocalDate.of(2013, 5, 23);

  private LedgerCalendar() {}

  /** The civil date in Bangui of an instant. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }
}
