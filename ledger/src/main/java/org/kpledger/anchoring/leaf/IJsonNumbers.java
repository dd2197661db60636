package org.kpledger.anchoring.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * Checks that every number in a JSON value survives RFC 8785 §3.2.2.3 unchanged: the canonical form
 * is the shortest ECMAScript rendering of the nearest IEEE 754 double, which must still denote the
 * same decimal value (I-JSON, RFC 7493 §2.2).
 */
final class IJsonNumbers {

  private IJsonNumbers() {}

  static void requireExact(String path, JsonNode node) {
    if (node.isNumber()) {
      requireExactNumber(path, node);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        requireExact(path + "." + field.getKey(), field.getValue());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireExact(path + "[" + i + "]", node.get(i));
      }
    }
  }

  private static void requireExactNumber(String path, JsonNode node) {
    BigDecimal exact = node.decimalValue();
    double nearest = exact.doubleValue();
    boolean same;
    try {
      same =
          !Double.isInfinite(nearest)
              && new BigDecimal(NumberToJSON.serializeNumber(nearest)).compareTo(exact) == 0;
    } catch (IOException | NumberFormatException e) {
      same = false;
    }
    if (!same) {
      throw new LeafEncodingException(
          path
              + " = "
              + exact.toPlainString()
              + " cannot be written exactly in RFC 8785 canonical JSON (numbers are IEEE 754"
              + " doubles)");
    }
  }
}
