package org.kpledger.api.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Converts column values as JDBC drivers return them (H2 and PostgreSQL differ) to java.time. */
public final class Columns {
  private Columns() {}

  /** A DATE column. */
  public static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }

  /** A TIMESTAMP WITH TIME ZONE column. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    return OffsetDateTime.parse(value.toString()).toInstant();
  }
}
