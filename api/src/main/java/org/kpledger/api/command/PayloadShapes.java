package org.kpledger.api.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.http.HttpStatus;

/**
 * Strict JSON types for a payload, checked against the components of its command record before it
 * is bound: a string where the record declares text (ids, names, dates, enumerations), a number
 * where it declares a number, {@code true} or {@code false} where it declares a boolean, an object
 * for a nested record and an array for a list. Jackson would otherwise turn {@code "siteId": 5}
 * into {@code "5"} and {@code "latitude": "-0"} into a number, and the ledger would record a value
 * its signer never wrote as such. Unknown members and missing ones are left to the binding and to
 * bean validation, which name them.
 */
final class PayloadShapes {
  /**
   * Each record's components and their generic types, read once per class: reflection builds them
   * afresh (and parses the generic signatures) on every call, for every command.
   */
  private static final ClassValue<List<Map.Entry<String, Type>>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<Map.Entry<String, Type>> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents())
              .map(c -> Map.entry(c.getName(), c.getGenericType()))
              .toList();
        }
      };

  private PayloadShapes() {}

  /** Throws {@code 400 INVALID_FIELD} naming the first member whose JSON type is wrong. */
  static void require(JsonNode payload, Class<?> type) {
    check(payload, type, "payload");
  }

  private static void check(JsonNode node, Type declared, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    Class<?> raw = raw(declared);
    String expected = expected(raw);
    boolean fits =
        switch (expected) {
          case STRING -> node.isTextual();
          case NUMBER -> node.isNumber();
          case BOOLEAN -> node.isBoolean();
          case OBJECT -> node.isObject();
          case ARRAY -> node.isArray();
          default -> true;
        };
    if (!fits) {
      throw new CommandRefusedException(
          HttpStatus.BAD_REQUEST,
          "INVALID_FIELD",
          path,
          path + " must be " + expected + ", not " + kind(node));
    }
    if (raw.isRecord()) {
      for (Map.Entry<String, Type> c : COMPONENTS.get(raw)) {
        check(node.get(c.getKey()), c.getValue(), path + "." + c.getKey());
      }
    } else if (expected.equals(ARRAY) && declared instanceof ParameterizedType p) {
      Type element = p.getActualTypeArguments()[0];
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), element, path + "[" + i + "]");
      }
    }
  }

  private static final String STRING = "a JSON string";
  private static final String NUMBER = "a JSON number";
  private static final String BOOLEAN = "true or false";
  private static final String OBJECT = "a JSON object";
  private static final String ARRAY = "a JSON array";

  private static String expected(Class<?> raw) {
    if (raw == String.class || raw.isEnum() || Temporal.class.isAssignableFrom(raw)) {
      return STRING;
    }
    if (raw == BigDecimal.class
        || raw == BigInteger.class
        || raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == double.class
        || raw == Double.class) {
      return NUMBER;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return BOOLEAN;
    }
    if (raw.isRecord()) {
      return OBJECT;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return ARRAY;
    }
    return "";
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "null";
    };
  }
}
