package org.kpledger.contracts.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.NetworkClient.assertRefusedOnNetwork;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.contracts.NetworkClient;
import org.kpledger.contracts.NetworkClient.Org;

/**
 * Anchors through the Fabric Gateway on the network of {@code network-config}: a ledger node
 * certified by the KP authority's own CA registered by its administrator (a CA that did not issue
 * the caller, a node certificate from another organisation's CA and a client caller refused), heads
 * appended under the MAJORITY endorsement policy, a bad proof, a smaller size and a fork refused by
 * the chaincode itself, and two organisations' peers answering the same head.
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
      Contract asAdmin = carAdmin.contract("Anchor");
      String certificate =
          NetworkClient.certifyLedgerNode(
              Org.CAR_KP, node.keys.getPublic(), Instant.now().plus(1, ChronoUnit.DAYS));
      String otherCa = NetworkClient.caPem(Org.MONITORING);
      assertRefusedOnNetwork(
          () -> asAdmin.submitTransaction("RegisterLedgerNode", ledger, certificate, otherCa),
          "CA_NOT_CALLERS");
      String carCa = NetworkClient.caPem(Org.CAR_KP);
      String strangerCert =
          NetworkClient.certifyLedgerNode(
              Org.MONITORING, node.keys.getPublic(), Instant.now().plus(1, ChronoUnit.DAYS));
      assertRefusedOnNetwork(
          () -> asAdmin.submitTransaction("RegisterLedgerNode", ledger, strangerCert, carCa),
          "NODE_NOT_CERTIFIED");
      assertRefusedOnNetwork(
          () ->
              car.contract("Anchor")
                  .submitTransaction("RegisterLedgerNode", ledger, certificate, carCa),
          "NOT_KP_AUTHORITY_ADMIN");
      asAdmin.submitTransaction("RegisterLedgerNode", ledger, certificate, carCa);
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

  @Test
  void refusesAHeadOnceTheNodeCertificateHasExpiredAtTheTransactionTime() throws Exception {
    String ledger = "it-short-" + UUID.randomUUID();
    Heads node = new Heads(ledger, 10);
    Instant notAfter = Instant.now().plusSeconds(4);
    try (NetworkClient carAdmin = NetworkClient.connect(Org.CAR_KP, "admin");
        NetworkClient car = NetworkClient.connect(Org.CAR_KP, "client")) {
      carAdmin
          .contract("Anchor")
          .submitTransaction(
              "RegisterLedgerNode",
              ledger,
              NetworkClient.certifyLedgerNode(Org.CAR_KP, node.keys.getPublic(), notAfter),
              NetworkClient.caPem(Org.CAR_KP));
      Contract anchor = car.contract("Anchor");
      anchor.submitTransaction("AppendHead", node.request(0, 3));
      while (!Instant.now().isAfter(notAfter.plusSeconds(1))) {
        Thread.sleep(200); // polls the clock until the certificate has expired
      }
      assertRefusedOnNetwork(
          () -> anchor.submitTransaction("AppendHead", node.request(3, 7)),
          "NODE_CERTIFICATE_EXPIRED");
    }
  }
}
