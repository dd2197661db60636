package org.kpledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The cyberphone RFC 8785 vectors in {@code ${kp.testdata.dir}/jcs}: one dynamic test per file. */
class JcsVectorsTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ObjectMapper BIG_DECIMALS =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  static Path jcsDir() {
    String dir = System.getProperty("kp.testdata.dir");
    assertThat(dir).as("system property kp.testdata.dir (set by Surefire)").isNotNull();
    return Path.of(dir, "jcs");
  }

  static List<Path> inputs() throws IOException {
    try (Stream<Path> files = Files.list(jcsDir().resolve("input"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void vectorDirectoryIsPresentAndComplete() throws IOException {
    assertThat(inputs())
        .extracting(p -> p.getFileName().toString())
        .contains(
            "arrays.json",
            "french.json",
            "structures.json",
            "unicode.json",
            "values.json",
            "weird.json");
  }

  @TestFactory
  Stream<DynamicTest> everyInputCanonicalizesToTheExpectedOutputBytes() throws IOException {
    return inputs().stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () -> {
                      String name = input.getFileName().toString();
                      byte[] expected =
                          Files.readAllBytes(jcsDir().resolve("output").resolve(name));
                      String hex =
                          Files.readString(
                              jcsDir().resolve("outhex").resolve(name.replace(".json", ".txt")));
                      assertThat(HexFormat.of().parseHex(hex.replaceAll("\\s", "")))
                          .as("outhex agrees with output")
                          .isEqualTo(expected);
                      String json = Files.readString(input, StandardCharsets.UTF_8);

                      assertThat(CanonicalJson.canonicalize(json))
                          .as("text path")
                          .isEqualTo(expected);
                      assertThat(CanonicalJson.canonicalize(PLAIN.readTree(json)))
                          .as("tree path, plain Jackson")
                          .isEqualTo(expected);
                      assertThat(CanonicalJson.canonicalize(BIG_DECIMALS.readTree(json)))
                          .as("tree path, BigDecimal")
                          .isEqualTo(expected);
                      assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(json)))
                          .as("strict parse tree")
                          .isEqualTo(expected);
                      assertThat(
                              CanonicalJson.canonicalize(
                                  new String(expected, StandardCharsets.UTF_8)))
                          .as("canonical form is a fixed point")
                          .isEqualTo(expected);
                      assertThat(new JsonCanonicalizer(json).getEncodedUTF8())
                          .as("erdtman reference agrees")
                          .isEqualTo(expected);
                    }));
  }
}
