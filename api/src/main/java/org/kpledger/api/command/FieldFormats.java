package org.kpledger.api.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What a payload field must hold, said for the client that wrote it: never a Java type name, which
 * means nothing outside the node and tells a stranger what runs inside it.
 */
final class FieldFormats {
  private FieldFormats() {}

  static String describe(Class<?> type) {
    if (type == null) {
      return "a value of the declared type";
    }
    if (type == Instant.class) {
      return "an ISO-8601 UTC instant such as 2026-01-31T10:15:30Z";
    }
    if (type == LocalDate.class) {
      return "an ISO-8601 date such as 2026-01-31";
    }
    if (type == YearMonth.class) {
      return "an ISO-8601 month such as 2026-01";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number within range";
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
      return "a decimal number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object of the documented form";
  }
}
