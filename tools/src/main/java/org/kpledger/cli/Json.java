package org.kpledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Terse JSON building for scripted command payloads. */
final class Json {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private Json() {}

  /** An object of alternating names and values (String, Number, Boolean, JsonNode). */
  static ObjectNode obj(Object... kv) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      o.set((String) kv[i], node(kv[i + 1]));
    }
    return o;
  }

  /** An array of values. */
  static ArrayNode arr(Object... values) {
    ArrayNode a = F.arrayNode();
    for (Object v : values) {
      a.add(node(v));
    }
    return a;
  }

  /** A decimal number, exactly as written. */
  static JsonNode num(String decimal) {
    return F.numberNode(new BigDecimal(decimal));
  }

  private static JsonNode node(Object v) {
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof Integer i) {
      return F.numberNode(i);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    return v == null ? F.nullNode() : F.textNode(v.toString());
  }
}
