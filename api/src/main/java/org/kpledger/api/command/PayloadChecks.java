package org.kpledger.api.command;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.http.HttpStatus;

/**
 * Plausibility of dates in a payload, which bean validation cannot express against the ledger's
 * clock: no event happened in the future, and no date lies outside 1990-2100.
 */
final class PayloadChecks {
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  /**
   * Each record class's components, read once: reflection builds them afresh (parsing generic
   * signatures) on every call, 14 % of an envelope's verification when it ran for every command.
   */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  private PayloadChecks() {}

  static void requirePlausibleDates(Object payload, Instant now, Duration skew) {
    check(payload, "payload", now, skew);
  }

  private static void check(Object value, String path, Instant now, Duration skew) {
    if (value == null || !value.getClass().isRecord()) {
      return;
    }
    for (RecordComponent c : COMPONENTS.get(value.getClass())) {
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String field = path + "." + c.getName();
      if (v instanceof Instant i) {
        if (i.isAfter(now.plus(skew))) {
          throw refuse(field, "must not be in the future", i.toString());
        }
        checkRange(field, i.atZone(java.time.ZoneOffset.UTC).toLocalDate());
      } else if (v instanceof LocalDate d) {
        checkRange(field, d);
      } else if (v instanceof Collection<?> items) {
        int n = 0;
        for (Object item : items) {
          check(item, field + "[" + n++ + "]", now, skew);
        }
      } else {
        check(v, field, now, skew);
      }
    }
  }

  private static void checkRange(String field, LocalDate d) {
    if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
      throw refuse(field, "must lie between " + EARLIEST + " and " + LATEST, d.toString());
    }
  }

  private static CommandRefusedException refuse(String field, String rule, String value) {
    return new CommandRefusedException(
        HttpStatus.BAD_REQUEST,
        "IMPLAUSIBLE_DATE",
        field,
        field + " " + rule + " (got " + value + ")");
  }
}
