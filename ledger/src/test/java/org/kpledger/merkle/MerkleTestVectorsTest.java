package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every file of the transparency-dev/merkle vectors under {@code merkle/inclusion} and {@code
 * merkle/consistency} of {@code kp.testdata.dir} as one named test: {@code wantErr} files must be
 * rejected with a {@link ProofException}, all others accepted. The JSON numbers are uint64; one
 * above {@link Long#MAX_VALUE} becomes a negative long, which the verifier rejects as it must,
 * since no tree here can be that large.
 */
class MerkleTestVectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws IOException {
    return vectors("inclusion", MerkleTestVectorsTest::checkInclusion);
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws IOException {
    return vectors("consistency", MerkleTestVectorsTest::checkConsistency);
  }

  private interface Check {
    void run(JsonNode vector, SoftAssertions soft);
  }

  private static Stream<DynamicTest> vectors(String kind, Check check) throws IOException {
    String base = System.getProperty("kp.testdata.dir");
    assertThat(base).as("system property kp.testdata.dir (set by Surefire)").isNotBlank();
    Path dir = Path.of(base, "merkle", kind);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("vector files in " + dir).isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    kind + "/" + dir.relativize(file),
                    file.toUri(),
                    () -> {
                      JsonNode vector = JSON.readTree(file.toFile());
                      SoftAssertions soft = new SoftAssertions();
                      check.run(vector, soft);
                      soft.assertAll();
                    }));
  }

  private static void checkInclusion(JsonNode v, SoftAssertions soft) {
    long index = uint64(v, "leafIdx");
    long size = uint64(v, "treeSize");
    byte[] leaf = base64(v.get("leafHash"));
    byte[] root = base64(v.get("root"));
    List<byte[]> proof = proof(v);
    if (v.get("wantErr").asBoolean()) {
      soft.assertThatThrownBy(() -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root))
          .as(v.get("desc").asText())
          .isInstanceOf(ProofException.class)
          .hasMessageContaining(" ");
      return;
    }
    try {
      ProofVerifier.verifyInclusion(index, size, leaf, proof, root);
      soft.assertThat(ProofVerifier.rootFromInclusionProof(index, size, leaf, proof))
          .as("rootFromInclusionProof")
          .isEqualTo(root);
    } catch (ProofException e) {
      soft.fail("valid inclusion proof rejected: " + e.getMessage());
    }
  }

  private static void checkConsistency(JsonNode v, SoftAssertions soft) {
    long size1 = uint64(v, "size1");
    long size2 = uint64(v, "size2");
    byte[] root1 = base64(v.get("root1"));
    byte[] root2 = base64(v.get("root2"));
    List<byte[]> proof = proof(v);
    if (v.get("wantErr").asBoolean()) {
      soft.assertThatThrownBy(
              () -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
          .as(v.get("desc").asText())
          .isInstanceOf(ProofException.class)
          .hasMessageContaining(" ");
      return;
    }
    try {
      ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof);
    } catch (ProofException e) {
      soft.fail("valid consistency proof rejected: " + e.getMessage());
    }
  }

  private static long uint64(JsonNode v, String field) {
    JsonNode node = v.get(field);
    assertThat(node.isIntegralNumber()).as(field + " is an integer").isTrue();
    return Long.parseUnsignedLong(node.asText());
  }

  /** A JSON {@code null} proof (Go's nil slice) is the empty proof. */
  private static List<byte[]> proof(JsonNode v) {
    List<byte[]> proof = new ArrayList<>();
    JsonNode node = v.get("proof");
    if (node != null && !node.isNull()) {
      node.forEach(element -> proof.add(base64(element)));
    }
    return proof;
  }

  private static byte[] base64(JsonNode node) {
    return Base64.getDecoder().decode(node.asText());
  }
}
