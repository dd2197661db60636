package org.kpledger.contracts.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.Refusals.assertRefused;
import static org.kpledger.contracts.TestOrganisations.CAR_KP;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpledger.contracts.ContractJson;
import org.kpledger.contracts.StubLedger;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;

/**
 * The golden files of {@code formats/anchor/} (also read by the ledger's tests): their bytes are
 * what the contract accepts, stores and refuses, and their roots are RFC 9162 roots of the
 * documented leaves.
 */
class AnchorGoldenFilesTest {

  private static final Path DIR = Path.of(System.getProperty("kp.formats.dir"), "anchor");
  private static final String LEDGER = GoldenFilesWriter.LEDGER;

  private final AnchorContract contract = new AnchorContract();
  private final StubLedger ledger = new StubLedger();

  @Test
  void theTreeHeadFileIsCanonicalAndSignedOverTheCheckpointText() throws IOException {
    String json = read("tree-head.json");
    TreeHead head = ContractJson.read(json, TreeHead.class).orElseThrow();
    assertThat(new String(ContractJson.write(head), UTF_8)).isEqualTo(json);
    assertThat(head.defect()).isEmpty();
    assertThat(head.checkpoint()).isEqualTo(Files.readString(DIR.resolve("checkpoint.txt")));
    PublicKey key = NodeKeys.fromPem(read("ledger-node-key.pem")).orElseThrow();
    assertThat(NodeKeys.verify(key, head.signedBytes(), head.signatureBytes())).isTrue();
  }

  @Test
  void theGoldenRootsAreRfc9162RootsOfTheDocumentedLeaves() throws IOException {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    for (int i = 0; i < 16; i++) {
      log.append(MerkleHash.leafHash(("event-" + i).getBytes(UTF_8)));
    }
    TreeHead head = ContractJson.read(read("tree-head.json"), TreeHead.class).orElseThrow();
    assertThat(head.root()).isEqualTo(log.root(7));
    AnchorRequest next = request(read("anchor-next.json"));
    assertThat(next.proof()).containsExactlyElementsOf(log.consistencyProof(3, 7));
  }

  @Test
  void theContractStoresTheFirstAnchorAsExactlyTheAnchoredHeadFile() throws IOException {
    register();
    String stored =
        contract.appendHead(
            ledger.tx(CAR_KP.client(), "golden-tx-1", GoldenFilesWriter.ANCHORED_AT),
            read("anchor-first.json"));
    assertThat(stored).isEqualTo(read("anchored-head.json"));
    assertThat(ledger.get(AnchorKeys.latest(LEDGER))).isEqualTo(stored.getBytes(UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedFiles")
  void theContractRefusesEachTamperedAnchorNamedAfterItsTampering(String name) throws IOException {
    register();
    contract.appendHead(tx(), read("anchor-first.json"));
    contract.appendHead(tx(), read("anchor-next.json"));
    JsonNode file = new ObjectMapper().readTree(read("refused/" + name));
    clearInvocations(ledger.stub());
    assertRefused(
        () -> contract.appendHead(tx(), file.get("request").toString()),
        file.get("refusal").asText());
    verify(ledger.stub(), never()).putState(anyString(), any(byte[].class));
  }

  static Stream<String> refusedFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("refused"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(10);
      return names.stream();
    }
  }

  private void register() throws IOException {
    PublicKey key = NodeKeys.fromPem(read("ledger-node-key.pem")).orElseThrow();
    contract.registerLedgerNode(tx(CAR_KP.admin()), LEDGER, CAR_KP.ledgerNode(key), CAR_KP.caPem());
  }

  private org.hyperledger.fabric.contract.Context tx() {
    return tx(CAR_KP.client());
  }

  private org.hyperledger.fabric.contract.Context tx(byte[] creator) {
    return ledger.tx(creator, "tx", GoldenFilesWriter.ANCHORED_AT);
  }

  private static AnchorRequest request(String json) {
    return ContractJson.read(json, AnchorRequest.class).orElseThrow();
  }

  private static String read(String name) throws IOException {
    return Files.readString(DIR.resolve(name), UTF_8).strip();
  }
}
