package org.kpledger.contracts.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.NetworkClient.assertRefusedOnNetwork;

import java.util.List;
import java.util.UUID;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.contracts.NetworkClient;
import org.kpledger.contracts.NetworkClient.Org;

/**
 * Anchors through the Fabric Gateway on the network of {@code network-config}: heads appended under
 * the MAJORITY endorsement policy, a bad proof, a smaller size and a fork refused by the chaincode
 * itself, and two organisations' peers answering the same head.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
class AnchorNetworkIT {

  @Test
  void anchorsHeadsRefusesRewrittenHistoryAndTwoOrganisationsSeeTheSameHead() throws Exception {
    String ledger = "it-" + UUID.randomUUID();
    Heads node = new Heads(ledger, 40);
    Heads forked = new Heads(ledger, node.keys, "rewritten", 40);
    try (NetworkClient carAdmin = NetworkClient.connect(Org.CAR_KP, "admin");
        NetworkClient car = NetworkClient.connect(Org.CAR_KP, "client");
        NetworkClient monitoring = NetworkClient.connect(Org.MONITORING, "client")) {
      carAdmin
          .contract("Anchor")
          .submitTransaction("RegisterLedgerNode", ledger, node.publicKeyPem());
      Contract anchor = car.contract("Anchor");
      anchor.submitTransaction("AppendHead", node.request(0, 10));
      anchor.submitTransaction("AppendHead", node.request(10, 25));

      assertRefusedOnNetwork(
          () -> anchor.submitTransaction("AppendHead", node.request(10, 12)), "SMALLER_SIZE");
      assertRefusedOnNetwork(
          () -> anchor.submitTransaction("AppendHead", forked.request(25, 30)),
          "INCONSISTENT_PROOF");
      List<String> tampered = new java.util.ArrayList<>(node.proof(25, 30));
      tampered.set(0, Heads.b64(new byte[32]));
      String badProof =
          Heads.json(new AnchorRequest(node.head(30, "2026-11-27T12:00:30Z"), 25, tampered));
      assertRefusedOnNetwork(
          () -> anchor.submitTransaction("AppendHead", badProof), "INCONSISTENT_PROOF");
      String sameSizeFork =
          Heads.json(new AnchorRequest(forked.head(25, "2026-11-27T12:00:25Z"), 25, List.of()));
      assertRefusedOnNetwork(() -> anchor.submitTransaction("AppendHead", sameSizeFork), "FORK");

      String fromCar = new String(anchor.evaluateTransaction("GetLatestHead", ledger), UTF_8);
      String fromMonitoring =
          new String(
              monitoring.contract("Anchor").evaluateTransaction("GetLatestHead", ledger), UTF_8);
      assertThat(fromCar).contains("\"size\":25,").isEqualTo(fromMonitoring);
    }
  }
}
