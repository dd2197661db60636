package org.kpledger.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;

/** Terse JSON for command payloads; decimals exact, carats and dollars from hundredths. */
final class Payload {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private Payload() {}

  /** An object of alternating names and values (String, Integer, JsonNode, Collection). */
  static ObjectNode obj(Object... kv) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      o.set((String) kv[i], node(kv[i + 1]));
    }
    return o;
  }

  static ArrayNode arr(Collection<?> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(v -> a.add(node(v)));
    return a;
  }

  /** A decimal of two places from hundredths: 1234 is 12.34. */
  static JsonNode cents(long hundredths) {
    return F.numberNode(BigDecimal.valueOf(hundredths, 2));
  }

  private static JsonNode node(Object v) {
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof Integer i) {
      return F.numberNode(i);
    }
    if (v instanceof Collection<?> c) {
      return arr(c);
    }
    return v == null ? F.nullNode() : F.textNode(v.toString());
  }
}
