package org.kpledger.contracts.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.contracts.ContractJson;
import org.kpledger.contracts.StubLedger;
import org.kpledger.contracts.TestOrganisations;

/**
 * Writes the golden files of {@code formats/anchor/} with a fresh, discarded ledger-node key. Run
 * only on purpose: {@code mvn -pl contracts test -Dtest=GoldenFilesWriter -Dkp.golden.write=true};
 * the ledger's tests read the same files, so rewriting them is a format change.
 */
@EnabledIfSystemProperty(named = "kp.golden.write", matches = "true")
class GoldenFilesWriter {

  static final String LEDGER = "kp-ledger.example/car";
  static final Instant ANCHORED_AT = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void write() throws IOException {
    Path dir = Path.of(System.getProperty("kp.formats.dir"), "anchor");
    Files.createDirectories(dir.resolve("refused"));
    Heads node = new Heads(LEDGER, TestOrganisations.p256(), "event", 16);
    Heads forked = new Heads(LEDGER, node.keys, "rewritten", 16);
    Heads impostor = new Heads(LEDGER, TestOrganisations.p256(), "event", 16);

    write(dir, "ledger-node-key.pem", node.publicKeyPem());
    TreeHead head7 = node.head(7, "2026-11-27T11:59:30Z");
    write(dir, "tree-head.json", Heads.json(head7));
    write(dir, "checkpoint.txt", head7.checkpoint());
    String first =
        Heads.json(new AnchorRequest(node.head(3, "2026-11-27T11:59:00Z"), 0, List.of()));
    write(dir, "anchor-first.json", first);
    write(dir, "anchor-next.json", Heads.json(new AnchorRequest(head7, 3, node.proof(3, 7))));
    StubLedger ledger = new StubLedger();
    AnchorContract contract = new AnchorContract();
    contract.registerLedgerNode(
        ledger.tx(TestOrganisations.CAR_KP.admin(), "golden-tx-0", ANCHORED_AT),
        LEDGER,
        TestOrganisations.CAR_KP.ledgerNode(node.keys.getPublic()),
        TestOrganisations.CAR_KP.caPem());
    String stored =
        contract.appendHead(
            ledger.tx(TestOrganisations.CAR_KP.client(), "golden-tx-1", ANCHORED_AT), first);
    write(dir, "anchored-head.json", stored);

    TreeHead head12 = node.head(12, "2026-11-27T12:00:30Z");
    List<String> proof = node.proof(7, 12);
    refused(
        dir, "smaller-size", "SMALLER_SIZE", node.head(5, "2026-11-27T12:00:30Z"), 7, List.of());
    refused(dir, "fork-same-size", "FORK", forked.head(7, "2026-11-27T12:00:30Z"), 7, List.of());
    refused(
        dir,
        "fork-extension",
        "INCONSISTENT_PROOF",
        forked.head(12, "2026-11-27T12:00:30Z"),
        7,
        forked.proof(7, 12));
    List<String> tampered = new ArrayList<>(proof);
    byte[] flipped = Base64.getDecoder().decode(tampered.get(0));
    flipped[0] ^= 1;
    tampered.set(0, Heads.b64(flipped));
    refused(dir, "tampered-proof", "INCONSISTENT_PROOF", head12, 7, tampered);
    refused(
        dir,
        "truncated-proof",
        "INCONSISTENT_PROOF",
        head12,
        7,
        proof.subList(0, proof.size() - 1));
    refused(dir, "stale-base", "STALE_BASE", head12, 5, node.proof(5, 12));
    refused(
        dir,
        "wrong-key-signature",
        "BAD_SIGNATURE",
        impostor.head(12, "2026-11-27T12:00:30Z"),
        7,
        proof);
    TreeHead highS =
        new TreeHead(
            LEDGER, 12, head12.rootHash(), head12.timestamp(), Heads.highS(head12.signature()));
    refused(dir, "high-s-signature", "BAD_SIGNATURE", highS, 7, proof);
    TreeHead resized =
        new TreeHead(LEDGER, 13, head12.rootHash(), head12.timestamp(), head12.signature());
    refused(dir, "resized-after-signing", "BAD_SIGNATURE", resized, 7, proof);
    String unpadded =
        Heads.json(new AnchorRequest(head12, 7, proof))
            .replace(head12.rootHash(), head12.rootHash().replace("=", ""));
    write(
        dir.resolve("refused"),
        "non-canonical-root.json",
        "{\"refusal\":\"MALFORMED\",\"request\":" + unpadded + "}");
  }

  private static void refused(
      Path dir, String name, String code, TreeHead head, long from, List<String> proof)
      throws IOException {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("refusal", code);
    file.put("request", new AnchorRequest(head, from, proof));
    write(dir.resolve("refused"), name + ".json", new String(ContractJson.write(file), UTF_8));
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text.endsWith("\n") ? text : text + "\n", UTF_8);
  }
}
