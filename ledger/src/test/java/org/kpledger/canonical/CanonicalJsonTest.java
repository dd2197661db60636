package org.kpledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static String canon(String json) {
    return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
  }

  @Test
  void rejectsDuplicateMemberNamesAsRfc8785Section31RequiresIJson() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"b\":2,\"a\":3}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate member name \"a\"");
    assertThatThrownBy(() -> CanonicalJson.canonicalize("[{\"x\":{\"k\":1,\"k\":1}}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate member name \"k\"")
        .hasMessageContaining("/0/x");
  }

  @Test
  void duplicateDetectionComparesDecodedNamesNotTheirEscapedSpelling() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"\\u0061\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[1,]",
        "{\"a\":1,}",
        "[01]",
        "[-01]",
        "[1.]",
        "[.5]",
        "[+1]",
        "[NaN]",
        "[Infinity]",
        "{'a':1}",
        "{a:1}",
        "[1] x",
        "{}{}",
        "[\"a\tb\"]",
        "/*c*/1",
        "[1",
        "{\"a\"}",
        "tru",
        "[\"\\x41\"]",
        "\uFEFF[1]",
        "[1e400]",
        "[-1e400]",
        "[\"\\ud800\"]",
        "[\"\\udc00x\"]",
        "{\"\\ud800\":1}",
        "[\"\\uffff\"]",
        "[\"\\ufdd0\"]",
        "[\"\\ud83f\\udffe\"]",
        "[\"\ud800\"]"
      })
  void rejectsTextThatIsNotIJsonWithIllegalArgumentException(String json) {
    assertThatThrownBy(() -> CanonicalJson.canonicalize(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON: ");
  }

  @Test
  void errorMessagesSayWhatAndWhere() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\n \"a\": [1, 2,]\n}"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"s\":\"\\ud800\"}"))
        .hasMessageContaining("lone surrogate U+D800")
        .hasMessageContaining("/s");
  }

  @Test
  void acceptsAnyTopLevelValue() {
    assertThat(canon(" \"x\" ")).isEqualTo("\"x\"");
    assertThat(canon("1.0")).isEqualTo("1");
    assertThat(canon("null")).isEqualTo("null");
    assertThat(canon("[]")).isEqualTo("[]");
  }

  @Test
  void escapesOnlyWhatRfc8785Requires() {
    assertThat(canon("\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\\\/\\u007f\\u2028\\u00e9\""))
        .isEqualTo("\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u2028\u00e9\"");
  }

  @Test
  void sortsMembersByUtf16CodeUnitsNotCodePoints() {
    assertThat(canon("{\"\ufb33\":1,\"\ud83d\ude02\":2,\"a\":3,\"B\":4}"))
        .isEqualTo("{\"B\":4,\"a\":3,\"\ud83d\ude02\":2,\"\ufb33\":1}");
  }

  @Test
  void treeAndTextPathsGiveIdenticalBytesForEveryNumericNodeType() {
    ObjectNode tree = F.objectNode();
    tree.put("int", 7)
        .put("short", (short) -3)
        .put("long", (1L << 60) + 1)
        .put("float", 0.1f)
        .put("double", 1e21)
        .put("decimal", new BigDecimal("4.50"))
        .put("bigint", new BigInteger("295147905179352825856"))
        .put("minLong", Long.MIN_VALUE)
        .put("negZero", -0.0)
        .put("tiny", 5e-324);
    tree.putArray("nested").add(F.objectNode().put("z", 1.5)).add(F.nullNode()).add(true);
    String text =
        "{\"int\":7,\"short\":-3,\"long\":1152921504606846977,\"float\":0.10000000149011612,"
            + "\"double\":1e21,\"decimal\":4.50,\"bigint\":295147905179352825856,"
            + "\"minLong\":-9223372036854775808,\"negZero\":-0.0,\"tiny\":5e-324,"
            + "\"nested\":[{\"z\":1.5},null,true]}";
    byte[] fromTree = CanonicalJson.canonicalize(tree);
    assertThat(fromTree).isEqualTo(CanonicalJson.canonicalize(text));
    assertThat(new String(fromTree, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"bigint\":295147905179352830000,"
                + "\"decimal\":4.5,\"double\":1e+21,\"float\":0.10000000149011612,\"int\":7,"
                + "\"long\":1152921504606847000,\"minLong\":-9223372036854776000,\"negZero\":0,"
                + "\"nested\":[{\"z\":1.5},null,true],\"short\":-3,\"tiny\":5e-324}");
  }

  @Test
  void treeInputThatJsonCannotExpressIsRejected() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize(F.numberNode(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(F.numberNode(Float.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(BinaryNode.valueOf(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(new POJONode(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(MissingNode.getInstance()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(F.objectNode().put("\udc00", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate");
  }

  @Test
  void nestingIsBoundedOnBothPaths() {
    String deep = "[".repeat(1100) + "]".repeat(1100);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(deep))
        .isInstanceOf(IllegalArgumentException.class);
    JsonNode node = F.arrayNode();
    for (int i = 0; i < 1100; i++) {
      node = F.arrayNode().add(node);
    }
    JsonNode tooDeep = node;
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tooDeep))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseHoldsExactlyWhatIsCanonicalized() {
    JsonNode tree =
        CanonicalJson.parse(
            "{\"big\":12345678901234567891,\"n\":9007199254740993,\"i\":42,\"f\":1.0}");
    assertThat(tree.get("i").isIntegralNumber()).isTrue();
    assertThat(tree.get("f").isDouble()).isTrue();
    assertThat(tree.get("big").isDouble())
        .as("beyond 2^53: stored as the double that is signed")
        .isTrue();
    assertThat(tree.get("big").doubleValue()).isEqualTo(12345678901234567891d);
    assertThat(tree.get("n").doubleValue()).isEqualTo(9007199254740992d);
  }

  @Test
  void canonicalStringMatchesTheBytes() {
    assertThat(CanonicalJson.canonicalString("{\"b\":\"\u20ac\",\"a\":[1E2]}"))
        .isEqualTo("{\"a\":[100],\"b\":\"\u20ac\"}");
  }
}
