package org.kpledger.api.fabric.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.AnchorRejectedException;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchorSinkContractTest;
import org.kpledger.anchoring.AnchorUnavailableException;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.api.fabric.FabricConnection;

/**
 * {@link FabricAnchorSink} keeps the {@link AnchorSink} contract on the live network (each test on
 * a ledger id of its own, registered with a node certificate from the KP authority's CA), and what
 * only a channel shows: the chaincode's own refusals through the Gateway, the block of each
 * anchoring kept, two organisations' peers agreeing, the endorsement policy enforced at commit, and
 * a peer out of reach told apart from a refusal.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
class FabricAnchorSinkFabricIT extends AnchorSinkContractTest {

  private final String ledgerId = "it-sink-" + UUID.randomUUID();
  private final FabricConnection car =
      FabricTestNetwork.connect(FabricTestNetwork.CAR_KP, "client");
  private AnchorTransactionTable table;

  @Override
  protected AnchorSink newSink() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + ledgerId + ";DB_CLOSE_DELAY=-1");
    table = new AnchorTransactionTable(h2::getConnection);
    FabricTestNetwork.registerNode(ledgerId, SIGNER.publicKey());
    return sink(car);
  }

  @Override
  protected AnchorSink reopen(AnchorSink sink) {
    return sink(car);
  }

  @Override
  protected String origin() {
    return ledgerId;
  }

  @AfterEach
  void close() {
    car.close();
  }

  @Test
  void theChaincodeItselfRefusesABadProofASmallerHeadAndAFork() throws Exception {
    sink().anchor(head(5), List.of());
    sink().anchor(head(13), log().consistencyProof(5, 13));
    List<byte[]> tampered = log().consistencyProof(13, 20);
    tampered.get(0)[0] ^= 1;
    assertThatThrownBy(() -> sink().anchor(head(20), tampered))
        .isInstanceOf(AnchorRejectedException.class)
        .hasMessageContaining("INCONSISTENT_PROOF");
    assertThatThrownBy(() -> sink().anchor(head(5), List.of()))
        .isInstanceOf(AnchorRejectedException.class)
        .hasMessageContaining("SMALLER_SIZE");
    var fork =
        org.kpledger.anchoring.checkpoint.Checkpoint.sign(
            new org.kpledger.anchoring.checkpoint.TreeHead(
                ledgerId,
                13,
                org.kpledger.merkle.MerkleHash.leafHash(new byte[] {9}),
                java.time.Instant.parse("2024-01-01T00:00:00Z")),
            SIGNER);
    assertThatThrownBy(() -> sink().anchor(fork, List.of()))
        .isInstanceOf(AnchorRejectedException.class)
        .hasMessageContaining("FORK");
    assertThat(sink().lastAnchored().orElseThrow().head().size()).isEqualTo(13);
  }

  @Test
  void keepsTheTransactionAndTheBlockThatCarriesItForEveryHead() throws Exception {
    AnchorReceipt first = sink().anchor(head(5), List.of());
    AnchorReceipt second = sink().anchor(head(13), log().consistencyProof(5, 13));
    List<AnchorTransaction> rows = table.list("fabric", 0, 10);
    assertThat(rows).extracting(AnchorTransaction::treeSize).containsExactly(5L, 13L);
    for (AnchorTransaction row : rows) {
      Block block = Block.parseFrom(row.block());
      assertThat(block.getHeader().getNumber()).isEqualTo(row.blockNumber());
      assertThat(row.origin()).isEqualTo(ledgerId);
    }
    assertThat(first.reference())
        .isEqualTo("kp-channel/block/" + rows.get(0).blockNumber() + "/tx/" + rows.get(0).txId());
    assertThat(second.reference()).endsWith("/tx/" + rows.get(1).txId());
  }

  @Test
  void aWipedDatabaseTakesTheLastHeadFromTheChannelAndKeepsItsBlockAgain() throws Exception {
    sink().anchor(head(5), List.of());
    AnchorReceipt receipt = sink().anchor(head(13), log().consistencyProof(5, 13));
    JdbcDataSource wiped = new JdbcDataSource();
    wiped.setURL("jdbc:h2:mem:wiped-" + ledgerId + ";DB_CLOSE_DELAY=-1");
    table = new AnchorTransactionTable(wiped::getConnection);
    FabricAnchorSink fresh = sink(car);
    assertThat(fresh.lastAnchored().orElseThrow().receipt()).isEqualTo(receipt);
    assertThat(table.list("fabric", 0, 10))
        .extracting(AnchorTransaction::treeSize)
        .containsExactly(13L);
    fresh.anchor(head(20), log().consistencyProof(13, 20));
    assertThat(table.last("fabric").orElseThrow().treeSize()).isEqualTo(20);
  }

  @Test
  void thePeersOfTwoOrganisationsReturnTheSameLatestHead() throws Exception {
    sink().anchor(head(5), List.of());
    sink().anchor(head(13), log().consistencyProof(5, 13));
    try (FabricConnection monitoring =
        FabricTestNetwork.connect(FabricTestNetwork.MONITORING, "client")) {
      String fromCar =
          new String(car.contract("Anchor").evaluateTransaction("GetLatestHead", ledgerId), UTF_8);
      String fromMonitoring =
          new String(
              monitoring.contract("Anchor").evaluateTransaction("GetLatestHead", ledgerId), UTF_8);
      assertThat(fromCar).contains("\"size\":13,").isEqualTo(fromMonitoring);
    }
  }

  @Test
  void aTransactionEndorsedByOneOrganisationOnlyIsInvalidatedAtCommit() throws Exception {
    sink().anchor(head(5), List.of());
    Contract anchor = car.contract("Anchor");
    AnchorJson.Head unsigned =
        new AnchorJson.Head(
            ledgerId,
            13,
            Base64.getEncoder().encodeToString(log().root(13)),
            "2024-01-01T00:00:00Z",
            "");
    AnchorJson.Head signed =
        new AnchorJson.Head(
            ledgerId,
            13,
            unsigned.rootHash(),
            unsigned.timestamp(),
            Base64.getEncoder().encodeToString(SIGNER.sign(unsigned.checkpoint())));
    String request =
        AnchorJson.write(
            new AnchorJson.Request(
                signed,
                5,
                log().consistencyProof(5, 13).stream()
                    .map(h -> Base64.getEncoder().encodeToString(h))
                    .toList()));
    Status status =
        anchor
            .newProposal("AppendHead")
            .addArguments(request)
            .setEndorsingOrganizations(FabricTestNetwork.CAR_KP)
            .build()
            .endorse()
            .submitAsync()
            .getStatus();
    assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    assertThat(status.isSuccessful()).isFalse();
    assertThat(sink().lastAnchored().orElseThrow().head().size()).isEqualTo(5);
    sink().anchor(head(13), log().consistencyProof(5, 13));
    assertThat(sink().lastAnchored().orElseThrow().head().size())
        .as("endorsed by the majority, the same head commits")
        .isEqualTo(13);
  }

  @Test
  void aPeerOutOfReachIsUnavailableNotARefusal() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (FabricConnection nowhere =
        FabricConnection.open(
            FabricTestNetwork.settings(FabricTestNetwork.CAR_KP, "client", "127.0.0.1:" + port))) {
      FabricAnchorSink unreachable = sink(nowhere);
      assertThatThrownBy(unreachable::lastAnchored)
          .isInstanceOf(AnchorUnavailableException.class)
          .hasMessageContaining("UNAVAILABLE");
      assertThatThrownBy(() -> unreachable.anchor(head(5), List.of()))
          .isInstanceOf(AnchorUnavailableException.class);
    }
  }

  private FabricAnchorSink sink(FabricConnection fabric) {
    return new FabricAnchorSink("fabric", ledgerId, fabric, table, SIGNER, Clock.systemUTC());
  }
}
