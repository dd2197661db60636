package org.kpledger.merkle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpledger.signing.EcdsaP256;

/**
 * The anchor format shared with the chaincode ({@code formats/anchor/}, also read by {@code
 * contracts}' tests): the ledger's own Merkle log, proof verifier and low-S ECDSA agree with the
 * golden tree heads and anchor requests byte for byte.
 */
class AnchorFormatGoldenFilesTest {

  private static final Path DIR = Path.of(System.getProperty("kp.formats.dir"), "anchor");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void goldenRootsAndProofsAreThoseOfTheLedgersMerkleLog() throws Exception {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    for (int i = 0; i < 16; i++) {
      log.append(MerkleHash.leafHash(("event-" + i).getBytes(UTF_8)));
    }
    JsonNode first = JSON.readTree(DIR.resolve("anchor-first.json").toFile());
    JsonNode next = JSON.readTree(DIR.resolve("anchor-next.json").toFile());
    assertThat(bytes(first.at("/head/rootHash"))).isEqualTo(log.root(3));
    assertThat(bytes(next.at("/head/rootHash"))).isEqualTo(log.root(7));
    List<byte[]> proof = new ArrayList<>();
    next.get("consistencyProof").forEach(h -> proof.add(bytes(h)));
    assertThat(proof).containsExactlyElementsOf(log.consistencyProof(3, 7));
    ProofVerifier.verifyConsistency(3, 7, log.root(3), log.root(7), proof);
  }

  @Test
  void goldenSignaturesAreLowSEcdsaOverTheCheckpointText() throws Exception {
    JsonNode head = JSON.readTree(DIR.resolve("tree-head.json").toFile());
    String checkpoint =
        head.get("ledgerId").asText()
            + "\n"
            + head.get("size").asLong()
            + "\n"
            + head.get("rootHash").asText()
            + "\n";
    assertThat(Files.readString(DIR.resolve("checkpoint.txt"), UTF_8)).isEqualTo(checkpoint);
    String pem = Files.readString(DIR.resolve("ledger-node-key.pem"), UTF_8);
    String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    PublicKey key =
        KeyFactory.getInstance("EC")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    assertThat(EcdsaP256.verify(key, checkpoint.getBytes(UTF_8), bytes(head.get("signature"))))
        .isTrue();
  }

  private static byte[] bytes(JsonNode base64) {
    return Base64.getDecoder().decode(base64.asText());
  }
}
