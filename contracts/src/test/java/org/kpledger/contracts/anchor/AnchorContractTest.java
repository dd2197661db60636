package org.kpledger.contracts.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.Refusals.assertRefused;
import static org.kpledger.contracts.TestOrganisations.CAR_KP;
import static org.kpledger.contracts.TestOrganisations.IMPORTER;
import static org.kpledger.contracts.TestOrganisations.MONITORING;
import static org.mockito.AdditionalMatchers.aryEq;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.contracts.StubLedger;

class AnchorContractTest {

  private static final String LEDGER = "car-ledger";
  private static final Instant T = Instant.parse("2026-11-27T12:00:10Z");
  private static final Instant DAY_BEFORE = T.minusSeconds(86_400);
  private static final Instant YEAR_AFTER = T.plusSeconds(365L * 86_400);

  private final AnchorContract contract = new AnchorContract();
  private final StubLedger ledger = new StubLedger();
  private final Heads node = new Heads(LEDGER, 20);

  @BeforeEach
  void registerNode() {
    contract.registerLedgerNode(
        admin(CAR_KP.admin()), LEDGER, node.certificatePem(), CAR_KP.caPem());
    clearInvocations(ledger.stub());
  }

  @Test
  void registersTheLedgerNodeCertificateOfAKpAuthorityAdministratorAsExactBytes() {
    StubLedger fresh = new StubLedger();
    Context ctx = fresh.tx(CAR_KP.admin(), "tx-reg", T);
    String certificate = node.certificatePem();
    contract.registerLedgerNode(ctx, "other-ledger", certificate, CAR_KP.caPem());
    String spki = Base64.getEncoder().encodeToString(node.keys.getPublic().getEncoded());
    String der = certificate.replaceAll("-----(BEGIN|END) CERTIFICATE-----|\\s", "");
    String expected =
        "{\"ledgerId\":\"other-ledger\",\"publicKey\":\""
            + spki
            + "\",\"certificate\":\""
            + der
            + "\",\"ownerMsp\":\"CarKpMSP\",\"txId\":\"tx-reg\"}";
    verify(fresh.stub())
        .putState(eq(AnchorKeys.node("other-ledger")), aryEq(expected.getBytes(UTF_8)));
  }

  @Test
  void refusesLedgerNodeRegistrationByAClientThatIsNotAnAdministrator() {
    assertNotRegistered(
        CAR_KP.client(), node.certificatePem(), CAR_KP.caPem(), "NOT_KP_AUTHORITY_ADMIN");
  }

  @Test
  void refusesLedgerNodeRegistrationByAnAdministratorOfAnotherOrganisationType() {
    assertNotRegistered(
        MONITORING.admin(),
        MONITORING.ledgerNode(node.keys.getPublic()),
        MONITORING.caPem(),
        "NOT_KP_AUTHORITY_ADMIN");
  }

  @Test
  void refusesACaCertificateThatDidNotIssueTheCallersCertificate() {
    assertNotRegistered(
        CAR_KP.admin(),
        MONITORING.ledgerNode(node.keys.getPublic()),
        MONITORING.caPem(),
        "CA_NOT_CALLERS");
  }

  @Test
  void refusesANodeCertificateThatTheCallersCaDidNotIssue() {
    assertNotRegistered(
        CAR_KP.admin(),
        MONITORING.ledgerNode(node.keys.getPublic()),
        CAR_KP.caPem(),
        "NODE_NOT_CERTIFIED");
  }

  @Test
  void refusesACertificateWhoseRoleIsNotLedgerNode() {
    String buyer = CAR_KP.certify("buyer1", "BUYER", node.keys.getPublic(), DAY_BEFORE, YEAR_AFTER);
    assertNotRegistered(CAR_KP.admin(), buyer, CAR_KP.caPem(), "NOT_A_LEDGER_NODE");
  }

  @Test
  void refusesANodeKeyThatIsNotP256() throws Exception {
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    String cert =
        CAR_KP.certify(
            "node1", "LEDGER_NODE", p384.generateKeyPair().getPublic(), DAY_BEFORE, YEAR_AFTER);
    assertNotRegistered(CAR_KP.admin(), cert, CAR_KP.caPem(), "NODE_KEY_NOT_P256");
  }

  @Test
  void refusesANodeCertificateNotValidAtTheRegistrationTime() {
    String expired =
        CAR_KP.certify(
            "node1", "LEDGER_NODE", node.keys.getPublic(), DAY_BEFORE, T.minusSeconds(1));
    String future =
        CAR_KP.certify(
            "node1", "LEDGER_NODE", node.keys.getPublic(), T.plusSeconds(60), YEAR_AFTER);
    assertNotRegistered(CAR_KP.admin(), expired, CAR_KP.caPem(), "CERTIFICATE_NOT_VALID");
    assertNotRegistered(CAR_KP.admin(), future, CAR_KP.caPem(), "CERTIFICATE_NOT_VALID");
  }

  @Test
  void refusesRegistrationArgumentsThatAreNotCertificates() {
    assertNotRegistered(CAR_KP.admin(), node.publicKeyPem(), CAR_KP.caPem(), "MALFORMED");
    assertNotRegistered(CAR_KP.admin(), node.certificatePem(), "not a PEM", "MALFORMED");
  }

  @Test
  void refusesReplacingARegisteredLedgerNodeKey() {
    Heads impostor = new Heads(LEDGER, 1);
    assertRefused(
        () ->
            contract.registerLedgerNode(
                tx(CAR_KP.admin()), LEDGER, impostor.certificatePem(), CAR_KP.caPem()),
        "LEDGER_ALREADY_REGISTERED");
  }

  @Test
  void refusesAHeadOnceTheNodeCertificateHasExpiredAtTheTransactionTime() {
    Heads shortLived = new Heads("short-ledger", 10);
    String cert =
        CAR_KP.certify(
            "node2", "LEDGER_NODE", shortLived.keys.getPublic(), DAY_BEFORE, T.plusSeconds(3600));
    contract.registerLedgerNode(admin(CAR_KP.admin()), "short-ledger", cert, CAR_KP.caPem());
    contract.appendHead(tx(CAR_KP.client()), shortLived.request(0, 3));
    Context later = ledger.tx(CAR_KP.client(), "tx-late", T.plusSeconds(7200));
    assertNothingWritten(
        () -> contract.appendHead(later, shortLived.request(3, 7)), "NODE_CERTIFICATE_EXPIRED");
  }

  @Test
  void appendsTheFirstHeadAndWritesExactlyTheAnchoredRecordAndEvent() {
    TreeHead head = node.head(3, "2026-11-27T12:00:03Z");
    contract.appendHead(tx(IMPORTER.client()), Heads.json(new AnchorRequest(head, 0, List.of())));
    String expected =
        "{\"head\":{\"ledgerId\":\"car-ledger\",\"size\":3,\"rootHash\":\""
            + head.rootHash()
            + "\",\"timestamp\":\"2026-11-27T12:00:03Z\",\"signature\":\""
            + head.signature()
            + "\"},\"txId\":\"tx-1\",\"txTimestamp\":\"2026-11-27T12:00:10Z\"}";
    byte[] bytes = expected.getBytes(UTF_8);
    verify(ledger.stub()).putState(eq(AnchorKeys.head(LEDGER, 3)), aryEq(bytes));
    verify(ledger.stub()).putState(eq(AnchorKeys.latest(LEDGER)), aryEq(bytes));
    verify(ledger.stub()).setEvent(eq(AnchorContract.HEAD_ANCHORED_EVENT), aryEq(bytes));
  }

  @Test
  void appendsAHeadWhoseConsistencyProofFromTheLatestHeadVerifies() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 3));
    contract.appendHead(tx(CAR_KP.client()), node.request(3, 7));
    contract.appendHead(tx(CAR_KP.client()), node.request(7, 16));
    assertThat(contract.getLatestHead(tx(MONITORING.client()), LEDGER)).contains("\"size\":16");
  }

  @Test
  void aRetriedAnchorOfTheLatestHeadWritesNothing() {
    String first = contract.appendHead(tx(CAR_KP.client()), node.request(0, 3));
    clearInvocations(ledger.stub());
    assertThat(contract.appendHead(tx(CAR_KP.client()), node.request(0, 3))).isEqualTo(first);
    verify(ledger.stub(), never()).putState(anyString(), any(byte[].class));
  }

  @Test
  void refusesAHeadSmallerThanTheLatestHead() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 7));
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), node.request(0, 3)), "SMALLER_SIZE");
  }

  @Test
  void refusesAForkWithAnotherRootAtTheLatestSize() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 7));
    Heads forked = new Heads(LEDGER, node.keys, "rewritten", 7);
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), forked.request(0, 7)), "FORK");
  }

  @Test
  void refusesAForkedHistoryEvenWithAValidProofWithinTheForkedTree() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 7));
    Heads forked = new Heads(LEDGER, node.keys, "rewritten", 12);
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), forked.request(7, 12)),
        "INCONSISTENT_PROOF");
  }

  @Test
  void refusesAConsistencyProofWithATamperedHash() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 7));
    List<String> proof = new ArrayList<>(node.proof(7, 12));
    proof.set(0, Heads.b64(new byte[32]));
    String request = Heads.json(new AnchorRequest(node.head(12, "2026-11-27T12:00:12Z"), 7, proof));
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), request), "INCONSISTENT_PROOF");
  }

  @Test
  void refusesAProofThatDoesNotStartAtTheLatestAnchoredSize() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 7));
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), node.request(5, 12)), "STALE_BASE");
  }

  @Test
  void refusesAFirstHeadThatClaimsAPreviousOne() {
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), node.request(2, 7)), "STALE_BASE");
  }

  @Test
  void refusesAHeadSignedByAnotherKey() {
    Heads impostor = new Heads(LEDGER, 7);
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), impostor.request(0, 7)), "BAD_SIGNATURE");
  }

  @Test
  void refusesAHighSSignatureThatIsOtherwiseValidBecauseFabricRequiresLowS() {
    TreeHead head = node.head(7, "2026-11-27T12:00:07Z");
    TreeHead highS =
        new TreeHead(LEDGER, 7, head.rootHash(), head.timestamp(), Heads.highS(head.signature()));
    String request = Heads.json(new AnchorRequest(highS, 0, List.of()));
    assertNothingWritten(() -> contract.appendHead(tx(CAR_KP.client()), request), "BAD_SIGNATURE");
  }

  @Test
  void refusesAHeadWhoseSizeWasChangedAfterSigning() {
    TreeHead head = node.head(7, "2026-11-27T12:00:07Z");
    TreeHead resized = new TreeHead(LEDGER, 8, head.rootHash(), head.timestamp(), head.signature());
    String request = Heads.json(new AnchorRequest(resized, 0, List.of()));
    assertNothingWritten(() -> contract.appendHead(tx(CAR_KP.client()), request), "BAD_SIGNATURE");
  }

  @Test
  void refusesAHeadOfAnUnregisteredLedger() {
    Heads stranger = new Heads("unknown-ledger", 3);
    assertNothingWritten(
        () -> contract.appendHead(tx(CAR_KP.client()), stranger.request(0, 3)), "UNKNOWN_LEDGER");
  }

  @Test
  void refusesMalformedRequests() {
    String valid = node.request(0, 3);
    for (String bad :
        List.of(
            "not json",
            valid.replace("\"fromSize\":0", "\"fromSize\":0,\"extra\":1"),
            valid.replace("\"fromSize\":0,", "\"fromSize\":0,\"fromSize\":0,"),
            valid.replace("\"fromSize\":0,", ""),
            valid.replace("\"size\":3,", ""),
            valid.replace("\"size\":3", "\"size\":0"),
            valid.replace("Z\",\"signature", "+00:00\",\"signature"),
            valid.replace("\"ledgerId\":\"car-ledger\"", "\"ledgerId\":\"car ledger\\n1\""))) {
      assertNothingWritten(() -> contract.appendHead(tx(CAR_KP.client()), bad), "MALFORMED");
    }
  }

  @Test
  void answersTheHeadAtASizeAndTheHistoryInSizeOrder() {
    contract.appendHead(tx(CAR_KP.client()), node.request(0, 3));
    contract.appendHead(tx(CAR_KP.client()), node.request(3, 9));
    contract.appendHead(tx(CAR_KP.client()), node.request(9, 10));
    Context reader = tx(IMPORTER.client());
    assertThat(contract.getHeadAtSize(reader, LEDGER, 9)).contains("\"size\":9,");
    String history = contract.getHeadHistory(reader, LEDGER);
    assertThat(history).startsWith("[{").endsWith("}]");
    assertThat(history.indexOf("\"size\":3,"))
        .isLessThan(history.indexOf("\"size\":9,"))
        .isLessThan(history.indexOf("\"size\":10,"));
    assertRefused(() -> contract.getHeadAtSize(reader, LEDGER, 4), "NOT_FOUND");
  }

  private Context tx(byte[] creator) {
    return ledger.tx(creator, "tx-1", T);
  }

  private Context admin(byte[] creator) {
    return ledger.tx(creator, "tx-0", T);
  }

  private void assertNotRegistered(byte[] creator, String nodePem, String caPem, String code) {
    StubLedger fresh = new StubLedger();
    assertRefused(
        () -> contract.registerLedgerNode(fresh.tx(creator, "tx-r", T), "x", nodePem, caPem), code);
    verify(fresh.stub(), never()).putState(anyString(), any(byte[].class));
  }

  private void assertNothingWritten(Runnable call, String code) {
    clearInvocations(ledger.stub());
    assertRefused(call, code);
    verify(ledger.stub(), never()).putState(anyString(), any(byte[].class));
    verify(ledger.stub(), never()).setEvent(anyString(), any(byte[].class));
  }
}
