package org.kpledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import org.erdtman.jcs.NumberToJSON;

/** The RFC 8785 serializer shared by both {@link CanonicalJson} entry points. */
final class JcsWriter {

  /** Deepest nesting accepted, the same bound Jackson's parser applies by default. */
  static final int MAX_DEPTH = 1000;

  private static final long MAX_EXACT_INTEGER = 1L << 53;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JcsWriter() {}

  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out, 0);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " levels");
    }
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out, depth);
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out, depth + 1);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default ->
          throw new IllegalArgumentException(
              "a " + node.getNodeType() + " node cannot be represented in JSON");
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out, int depth) {
    String[] names = new String[node.size()];
    Iterator<String> it = node.fieldNames();
    for (int i = 0; i < names.length; i++) {
      names[i] = it.next();
    }
    Arrays.sort(names);
    out.append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(names[i], out);
      out.append(':');
      write(node.get(names[i]), out, depth + 1);
    }
    out.append('}');
  }

  private static void writeString(String s, StringBuilder out) {
    String violation = iJsonViolation(s);
    if (violation != null) {
      throw new IllegalArgumentException(violation);
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Checks a string against RFC 7493 §2.1 (no surrogate code points, no noncharacters).
   *
   * @return a description of the first violation, or null if the string is acceptable
   */
  static String iJsonViolation(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int cp = c;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return violation("lone surrogate", c, i);
        }
        cp = Character.toCodePoint(c, s.charAt(++i));
      } else if (Character.isLowSurrogate(c)) {
        return violation("lone surrogate", c, i);
      }
      if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
        return violation("Unicode noncharacter", cp, i);
      }
    }
    return null;
  }

  private static String violation(String what, int cp, int index) {
    return String.format(
        "string contains a %s U+%04X at index %d; I-JSON (RFC 7493 §2.1) forbids it",
        what, cp, index);
  }

  /** Serialises a numeric node as the ES6 form of the IEEE-754 double it denotes. */
  static String number(JsonNode n) {
    if (n.isInt() || n.isLong() || n.isShort()) {
      long v = n.longValue();
      return v >= -MAX_EXACT_INTEGER && v <= MAX_EXACT_INTEGER ? Long.toString(v) : es6((double) v);
    }
    if (n.isBigInteger()) {
      BigInteger b = n.bigIntegerValue();
      return b.bitLength() <= 53 ? b.toString() : es6(b.doubleValue());
    }
    if (n.isBigDecimal()) {
      return es6(n.decimalValue().doubleValue());
    }
    return es6(n.doubleValue());
  }

  /** ES6 {@code Number.prototype.toString} of a finite double (RFC 8785 §3.2.2.3). */
  static String es6(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(
          "number " + d + " is not a finite IEEE-754 double; RFC 8785 §3.2.2.3 forbids it");
    }
    try {
      return NumberToJSON.serializeNumber(d);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialise number " + d + ": " + e.getMessage(), e);
    }
  }
}
