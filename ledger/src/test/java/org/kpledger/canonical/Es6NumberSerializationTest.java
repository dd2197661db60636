package org.kpledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Number serialisation: RFC 8785 Appendix B, then a differential check against {@link Es6Oracle}.
 */
class Es6NumberSerializationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void rfc8785AppendixB(String ieeeHex, String expected) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
    byte[] viaTree = CanonicalJson.canonicalize(JsonNodeFactory.instance.numberNode(d));
    byte[] viaText = CanonicalJson.canonicalize(new BigDecimal(d).toString());
    assertThat(new String(viaTree, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(viaText).isEqualTo(viaTree);
    assertThat(Es6Oracle.toEs6(d)).as("oracle").isEqualTo(expected);
  }

  @Test
  void agreesWithAnIndependentShortestRoundTripOracle() {
    SplittableRandom random = new SplittableRandom(8785);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      double d =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextLong(-(1L << 55), 1L << 55) / Math.pow(10, random.nextInt(0, 25));
            case 2 -> random.nextLong(1, 1000) * Math.pow(10, random.nextInt(-330, 309));
            default -> (double) random.nextLong();
          };
      if (!Double.isFinite(d)) {
        continue;
      }
      String actual = JcsWriter.es6(d);
      String expected = Es6Oracle.toEs6(d);
      if (!actual.equals(expected) || Double.parseDouble(actual) != d) {
        mismatches.add(
            Long.toHexString(Double.doubleToRawLongBits(d)) + ": " + actual + " != " + expected);
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
