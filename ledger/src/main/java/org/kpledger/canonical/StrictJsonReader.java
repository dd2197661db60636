package org.kpledger.canonical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Streaming I-JSON parser: plain RFC 8259 (Jackson with no leniency features), plus the
 * duplicate-name, surrogate, noncharacter and number checks that RFC 8785 §3.1 requires.
 */
final class StrictJsonReader {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MAX_EXACT_INTEGER = 1L << 53;

  private StrictJsonReader() {}

  static JsonNode read(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("invalid JSON: the input holds no JSON value");
      }
      JsonNode root = value(p, first);
      if (p.nextToken() != null) {
        throw fail(p, "unexpected content after the JSON value");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(value(p, t));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(checked(p, p.getText()));
      case VALUE_NUMBER_INT:
        return integer(p);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(finite(p, p.getDoubleValue()));
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw fail(p, "unexpected token " + token);
    }
  }

  private static ObjectNode object(JsonParser p) throws IOException {
    ObjectNode object = NODES.objectNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = checked(p, p.currentName());
      if (object.has(name)) {
        throw fail(
            p,
            "duplicate member name \""
                + name
                + "\"; RFC 8785 §3.1 requires I-JSON, which forbids duplicates (RFC 7493 §2.3)");
      }
      object.set(name, value(p, p.nextToken()));
    }
    return object;
  }

  private static JsonNode integer(JsonParser p) throws IOException {
    if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long v = p.getLongValue();
      if (v >= -MAX_EXACT_INTEGER && v <= MAX_EXACT_INTEGER) {
        return NODES.numberNode(v);
      }
    }
    BigInteger big = p.getBigIntegerValue();
    return NODES.numberNode(finite(p, big.doubleValue()));
  }

  private static double finite(JsonParser p, double d) {
    if (!Double.isFinite(d)) {
      throw fail(
          p, "number " + safeText(p) + " is outside the IEEE-754 double range (RFC 8785 §3.2.2.3)");
    }
    return d;
  }

  private static String checked(JsonParser p, String s) {
    String violation = JcsWriter.iJsonViolation(s);
    if (violation != null) {
      throw fail(p, violation);
    }
    return s;
  }

  private static String safeText(JsonParser p) {
    try {
      String text = p.getText();
      return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    } catch (IOException e) {
      return "?";
    }
  }

  private static IllegalArgumentException fail(JsonParser p, String problem) {
    String pointer = p.getParsingContext().pathAsPointer().toString();
    return new IllegalArgumentException(
        "invalid JSON: "
            + problem
            + (pointer.isEmpty() ? "" : " (at " + pointer + ")")
            + at(p.currentLocation()));
  }

  private static String at(JsonLocation loc) {
    return loc == null ? "" : " [line " + loc.getLineNr() + ", column " + loc.getColumnNr() + "]";
  }
}
