package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.api.storage.CommandKey;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.Rule;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.signing.EcdsaP256;
import org.kpledger.signing.EnvelopeSigner;
import org.kpledger.signing.SignedEnvelope;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each way of tampering with a real node's H2 database, or with a bundle it exported, is caught by
 * the offline verifier and named by rule and subject; an untouched ledger verifies clean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperTest extends AuditNode {
  @org.springframework.beans.factory.annotation.Autowired
  org.kpledger.api.envelope.CommandEnvelopes envelopes;

  private static final String ALL = "from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z";
  @Autowired EcdsaP256TreeHeadSigner nodeKey;
  private CarFixture car;
  private AuditBundles audit;
  private String lot1;
  private String lot2;
  private String crlEvent;

  @BeforeAll
  void ledgerWithAnExportedShipment() throws Exception {
    audit = new AuditBundles(port, DATA.resolve("trust"), PKI.get("mt-monitor"));
    car = new CarFixture(this::ok, "AT-").setUp();
    String p = car.p;
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-1", "M-1", "S-W", "5.00", "EXP-ALPHA", 3));
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-2", "M-2", "S-W", "2.50", "EXP-ALPHA", 2));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj("parcelId", p + "LOT-1", "valueUsd", num("900.00"), "priceListVersion", "B-2026"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", p + "LOT-1", "sealId", "SEAL-AT-1"));
    TraceScenario.certify(this::ok, car, 1, "alpha-buyer", "EXP-ALPHA", p + "LOT-1");
    ok("alpha-buyer", "ExportShipment", obj("shipmentId", p + "SH-1"));
    var fired = PKI.actor("COLL-MK", "col-fired", Role.COLLECTOR);
    ok(
        "col-ndoumba",
        "PublishRevocationList",
        obj(
            "crl",
            Base64.getEncoder()
                .encodeToString(
                    PKI.revocationList("COLL-MK", fired.certificate().getSerialNumber())
                        .getEncoded())));
    crlEvent = eventOf("COLL-MK", "RevocationListPublishedEvent");
    lot1 = eventOf(p + "LOT-1", "LotPurchasedEvent");
    lot2 = eventOf(p + "LOT-2", "LotPurchasedEvent");
    audit.awaitCheckpoint(eventCount());
  }

  @Test
  void aTraderMayNotExportABundle() throws Exception {
    AuditBundles asTrader = new AuditBundles(port, DATA.resolve("trust"), PKI.get("alpha-buyer"));
    assertThatThrownBy(() -> asTrader.export(ALL))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("403");
  }

  @Test
  void untouchedLedgerVerifiesCleanAsRangeAndAsShipment() throws Exception {
    AuditReport range = audit.verify(audit.export(ALL));
    assertThat(range.findings()).isEmpty();
    assertThat(range.summary().events()).isEqualTo(eventCount());
    AuditReport shipment = audit.verify(audit.export("shipmentId=" + car.p + "SH-1"));
    assertThat(shipment.findings()).isEmpty();
    assertThat(shipment.summary().events()).isBetween(20L, eventCount());
  }

  @Test
  void purchaseSlipCaratsEditedInTheDatabase() throws Exception {
    byte[] original = column("payload", lot1);
    ObjectNode payload = (ObjectNode) tree(original);
    payload.set("carats", num("50.00"));
    try {
      update("payload", lot1, stored(payload));
      AuditReport report = audit.verify(audit.export(ALL));
      assertThat(report.has(Rule.LEAF_HASH_MISMATCH, "event:" + lot1)).isTrue();
      assertThat(report.counts()).containsOnlyKeys(Rule.LEAF_HASH_MISMATCH);
    } finally {
      update("payload", lot1, original);
    }
  }

  @Test
  void eventRowDeleted() throws Exception {
    jdbc.update(
        "CREATE TABLE audit_deleted AS SELECT * FROM domain_event_entry"
            + " WHERE event_identifier = ?",
        lot2);
    try {
      jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", lot2);
      AuditReport report = audit.verify(audit.export(ALL));
      assertThat(report.has(Rule.EVENT_MISSING_FROM_BUNDLE, "event:" + lot2)).isTrue();
    } finally {
      jdbc.update("INSERT INTO domain_event_entry SELECT * FROM audit_deleted");
      jdbc.update("DROP TABLE audit_deleted");
    }
  }

  @Test
  void twoEventsSwappedInTheLog() throws Exception {
    long i = leafOf(lot1);
    long j = leafOf(lot2);
    swapLeaves(i, j);
    try {
      AuditReport report = audit.verify(audit.export(ALL));
      // merkle_leaf is the only copy of the log's level 0 (V4): the node's proofs for both
      // positions are made from the swapped rows, and neither event proves against the signed head
      // where the bundle lists it, nor at the other's position
      for (String event : List.of(lot1, lot2)) {
        assertThat(
                report.has(Rule.LEAF_ORDER_MISMATCH, "event:" + event)
                    || report.has(Rule.INCLUSION_PROOF_INVALID, "event:" + event))
            .as("the swapped event " + event + " is named: " + report.findings())
            .isTrue();
      }
    } finally {
      swapLeaves(i, j);
    }
  }

  @Test
  void envelopeReplacedByAnotherValidlySignedOne() throws Exception {
    // a v2 event names its envelope by digest: point it at another command's envelope
    byte[] original = column("meta_data", lot1);
    ObjectNode meta = (ObjectNode) tree(original);
    String other = tree(column("meta_data", lot2)).path(LedgerMetaData.ENVELOPE_SHA256).asText();
    assertThat(other).hasSize(64);
    meta.put(LedgerMetaData.ENVELOPE_SHA256, other);
    try {
      update("meta_data", lot1, stored(meta));
      AuditReport report = audit.verify(audit.export(ALL));
      assertThat(report.has(Rule.ENVELOPE_EVENT_MISMATCH, "event:" + lot1)).isTrue();
      assertThat(report.counts()).doesNotContainKey(Rule.ENVELOPE_SIGNATURE_INVALID);
    } finally {
      update("meta_data", lot1, original);
    }
  }

  @Test
  void certificateSwappedForOneFromALookAlikeCa() throws Exception {
    Instant now = Instant.now();
    OrganisationCa rogue =
        OrganisationCa.create(
            "BO-ALPHA",
            OrganisationType.BUYING_OFFICE,
            "BO-ALPHA",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(300)));
    var keys = EcdsaP256.generateKeyPair();
    var cert =
        rogue.issueActorCertificate(
            "alpha-buyer",
            Role.BUYER,
            keys.getPublic(),
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(300)));
    // the envelope stored for the command replaced, and the event's digest with it
    byte[] original = column("meta_data", lot1);
    ObjectNode meta = (ObjectNode) tree(original);
    String commandId = meta.path(LedgerMetaData.COMMAND_ID).asText();
    String stored = storedEnvelope(commandId);
    SignedEnvelope genuine = SignedEnvelope.fromJson(stored);
    ObjectNode forgedPayload = (ObjectNode) genuine.payload();
    forgedPayload.set("carats", num("50.00"));
    String forged =
        EnvelopeSigner.sign(
                genuine.commandType(),
                genuine.commandId(),
                genuine.issuedAtInstant(),
                forgedPayload,
                cert,
                keys.getPrivate())
            .toJson();
    meta.put(LedgerMetaData.ENVELOPE_SHA256, LedgerMetaData.envelopeSha256(forged));
    try {
      update("meta_data", lot1, stored(meta));
      storeEnvelope(commandId, forged);
      String rogueCa = Base64.getEncoder().encodeToString(rogue.certificate().getEncoded());
      Path bundle =
          audit.edit(
              audit.export(ALL),
              AuditBundle.CERTIFICATES,
              text ->
                  text.replaceAll(
                      "(\"organisationId\":\"BO-ALPHA\",\"certificate\":\")[^\"]+",
                      "$1" + rogueCa));
      AuditReport report = audit.verify(bundle);
      assertThat(report.has(Rule.CERTIFICATE_NOT_TRUSTED, "event:" + lot1)).isTrue();
      assertThat(report.has(Rule.TRUST_ANCHOR_MISMATCH, "organisation:BO-ALPHA")).isTrue();
    } finally {
      update("meta_data", lot1, original);
      storeEnvelope(commandId, stored);
    }
  }

  private String storedEnvelope(String commandId) {
    return envelopes.findAll(List.of(commandId)).get(commandId);
  }

  /** Replaces a command's stored envelope by a whole text (its certificate not cut out). */
  private void storeEnvelope(String commandId, String envelope) {
    jdbc.update(
        "UPDATE command_envelope SET envelope = ?, packed_envelope = NULL, envelope_sha256 = ?,"
            + " certificate_sha256 = NULL, certificate_at = NULL WHERE command_key = ?",
        envelope,
        java.util.HexFormat.of().parseHex(LedgerMetaData.envelopeSha256(envelope)),
        CommandKey.of(commandId));
  }

  @Test
  void revocationListWithheldFromTheBundle() throws Exception {
    try (AuditBundle clean = AuditBundle.open(audit.export(ALL))) {
      assertThat(clean.crls()).extracting(AuditBundle.RevocationList::eventId).contains(crlEvent);
    }
    Path bundle = audit.edit(audit.export(ALL), AuditBundle.CRLS, text -> "");
    AuditReport report = audit.verify(bundle);
    assertThat(report.has(Rule.CRL_MISSING, "event:" + crlEvent)).isTrue();
  }

  @Test
  void treeHeadResignedWithAnotherRootByAnotherKey() throws Exception {
    Path bundle = audit.export(ALL);
    long n = newestSize(bundle);
    TreeHead forged = new TreeHead("kp-ledger.local/car", n, new byte[32], Instant.now());
    String note = Checkpoint.sign(forged, EcdsaP256TreeHeadSigner.withNewKey()).note();
    AuditReport report = audit.verify(replaceNewestCheckpoint(bundle, n, note));
    assertThat(report.has(Rule.CHECKPOINT_SIGNATURE_INVALID, "checkpoint:" + n)).isTrue();
  }

  @Test
  void treeHeadResignedWithAnotherRootByTheNodesOwnKey() throws Exception {
    Path bundle = audit.export(ALL);
    long n = newestSize(bundle);
    TreeHead forged = new TreeHead("kp-ledger.local/car", n, new byte[32], Instant.now());
    String note = Checkpoint.sign(forged, nodeKey).note();
    AuditReport report = audit.verify(replaceNewestCheckpoint(bundle, n, note));
    assertThat(report.has(Rule.HEADS_INCONSISTENT, "checkpoint:" + n)).isTrue();
  }

  @Test
  void rolledBackLogPresentedAsCurrent() throws Exception {
    String seenBefore = audit.awaitCheckpoint(eventCount());
    Path old = audit.export(ALL);
    ok(
        "kp-registrar",
        "RegisterZone",
        obj("zoneId", car.p + "NDELE", "name", "Ndélé", "prefecture", "Bamingui-Bangoran"));
    String seenLater = audit.awaitCheckpoint(eventCount());
    long later = Long.parseLong(seenLater.split("\n")[1]);
    AuditReport rolledBack = audit.verify(old, Optional.of(seenLater));
    assertThat(rolledBack.has(Rule.LOG_ROLLED_BACK, "previous-checkpoint:" + later)).isTrue();
    long before = Long.parseLong(seenBefore.split("\n")[1]);
    AuditReport current =
        audit.verify(audit.export(ALL + "&previousSize=" + before), Optional.of(seenBefore));
    assertThat(current.findings()).isEmpty();
  }

  /** A stored payload or metadata value's JSON. */
  private static com.fasterxml.jackson.databind.JsonNode tree(byte[] stored) throws Exception {
    return LedgerTestBase.JSON.readTree(org.kpledger.eventstore.PackedJson.unpack(stored));
  }

  private static byte[] bytes(com.fasterxml.jackson.databind.JsonNode json) throws Exception {
    return LedgerTestBase.JSON.writeValueAsBytes(json);
  }

  /** JSON as the node stores it: packed, as someone who knows the format would write it. */
  private static byte[] stored(com.fasterxml.jackson.databind.JsonNode json) throws Exception {
    return org.kpledger.eventstore.PackedJson.pack(bytes(json));
  }

  private long newestSize(Path bundle) throws Exception {
    try (AuditBundle b = AuditBundle.open(bundle)) {
      return b.manifest().treeSize();
    }
  }

  private Path replaceNewestCheckpoint(Path bundle, long n, String note) throws Exception {
    String line =
        new String(
            bytes(obj("treeSize", (int) n, "checkpoint", note, "anchors", arr())),
            java.nio.charset.StandardCharsets.UTF_8);
    return audit.edit(
        bundle,
        AuditBundle.CHECKPOINTS,
        text -> {
          String[] lines = text.split("\n");
          lines[lines.length - 1] = line;
          return String.join("\n", lines) + "\n";
        });
  }

  private String eventOf(String aggregate, String type) {
    return jdbc.queryForObject(
        "SELECT event_identifier FROM domain_event_entry"
            + " WHERE aggregate_identifier = ? AND payload_type LIKE ?",
        String.class,
        aggregate,
        "%" + type);
  }

  private long leafOf(String eventId) {
    return jdbc.queryForObject(
        "SELECT leaf_index FROM merkle_leaf WHERE event_id = CAST(? AS UUID)", Long.class, eventId);
  }

  private void swapLeaves(long i, long j) {
    jdbc.update("UPDATE merkle_leaf SET leaf_index = -1 WHERE leaf_index = ?", i);
    jdbc.update("UPDATE merkle_leaf SET leaf_index = ? WHERE leaf_index = ?", i, j);
    jdbc.update("UPDATE merkle_leaf SET leaf_index = ? WHERE leaf_index = -1", j);
  }

  private byte[] column(String column, String eventId) {
    return jdbc.queryForObject(
        "SELECT " + column + " FROM domain_event_entry" + " WHERE event_identifier = ?",
        byte[].class,
        eventId);
  }

  private void update(String column, String eventId, byte[] value) {
    jdbc.update(
        "UPDATE domain_event_entry SET " + column + " = ? WHERE event_identifier = ?",
        value,
        eventId);
  }
}
