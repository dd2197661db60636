package org.kpledger.audit.fabric;

import static org.kpledger.audit.Rule.ANCHOR_BLOCK_ALTERED;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.AuditBundle.FabricAnchor;
import org.kpledger.audit.Finding;
import org.kpledger.audit.Rule;
import org.kpledger.identity.TrustAnchors;

/**
 * Checks, offline, that Fabric anchored the bundle's signed heads: for each anchoring transaction
 * with its block, that the block is intact (its data hashes to its header), that the transaction
 * appends exactly that head ({@link AppendHeadCheck}), that the peers marked it valid, that its
 * creator signed it, that peers of enough distinct channel organisations endorsed it with valid
 * signatures satisfying the channel's endorsement policy, and that the channel's orderer signed the
 * block ({@link CommittedTransaction}). Who the channel's organisations are comes from the
 * configuration block in force (named by the block's metadata), whose MSP root CAs must be
 * organisation CAs the auditor pinned. Every failure is a {@link Finding} with subject {@code
 * checkpoint:<size>}, {@code channel-config:<block>} or {@code msp:<id>}.
 */
public final class FabricAnchorVerifier {

  /**
   * What the verification found.
   *
   * @param findings the failures
   * @param notes remarks that are not failures
   */
  public record Report(List<Finding> findings, List<String> notes) {}

  private final Optional<TrustAnchors> pinned;
  private final AppendHeadCheck heads;

  /**
   * Creates a verifier.
   *
   * @param verifierKey the log's (pinned) verifier key, {@code <origin>+<key id>+<base64(0x05 ||
   *     DER SubjectPublicKeyInfo)>}: the channel knows the origin as the ledger id, and the key
   *     signed the heads it anchored
   * @param pinned the auditor's organisation CAs, among them the channel organisations' and the
   *     ordering organisation's; empty to take the channel configuration's own (with a note)
   * @throws IllegalArgumentException if the verifier key cannot be read
   */
  public FabricAnchorVerifier(String verifierKey, Optional<TrustAnchors> pinned) {
    this.pinned = pinned;
    String[] parts = verifierKey.split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>");
    }
    byte[] blob = Base64.getDecoder().decode(parts[2]);
    try {
      PublicKey key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Arrays.copyOfRange(blob, 1, blob.length)));
      this.heads = new AppendHeadCheck(parts[0], key);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a P-256 verifier key: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies every Fabric anchor of a bundle, with the channel's own findings and notes.
   *
   * @param anchors the anchoring transactions with their blocks
   * @param configs the channel configuration blocks carried
   * @param signed the bundle's validly signed heads, by size
   * @return the findings and notes
   */
  public Report verify(
      List<FabricAnchor> anchors,
      List<ChannelConfigBlock> configs,
      Map<Long, SignedTreeHead> signed) {
    FabricChannel channel = new FabricChannel(configs, pinned);
    Report report = verify(anchors, channel, signed);
    List<Finding> findings = new ArrayList<>(report.findings());
    findings.addAll(channel.findings());
    List<String> notes = new ArrayList<>(channel.notes());
    notes.addAll(report.notes());
    return new Report(findings, notes);
  }

  /**
   * Verifies every Fabric anchor of a bundle against a channel read once; the channel's own
   * findings and notes are not repeated here.
   *
   * @param anchors the anchoring transactions with their blocks
   * @param channel the channel as the bundle's configuration blocks describe it
   * @param signed the bundle's validly signed heads, by size
   * @return the findings and notes
   */
  public Report verify(
      List<FabricAnchor> anchors, FabricChannel channel, Map<Long, SignedTreeHead> signed) {
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (FabricAnchor anchor : anchors) {
      String subject = "checkpoint:" + anchor.treeSize();
      SignedTreeHead head = signed.get(anchor.treeSize());
      if (head == null) {
        findings.add(
            new Finding(
                Rule.BUNDLE_MALFORMED,
                subject,
                "Fabric evidence for a head the bundle does not hold validly signed"));
        continue;
      }
      for (EvidenceException e : verify(anchor, head, channel.configs())) {
        findings.add(new Finding(e.rule(), subject, e.getMessage()));
      }
    }
    if (!channel.pinned() && !anchors.isEmpty()) {
      notes.add(
          "no trust directory given: the Fabric channel's CAs were taken from its configuration"
              + " block in the bundle, so a forged bundle could bring its own channel");
    }
    return new Report(findings, notes);
  }

  private List<EvidenceException> verify(
      FabricAnchor anchor, SignedTreeHead head, ChannelConfigs channel) {
    List<EvidenceException> problems = new ArrayList<>();
    Block block;
    try {
      block = Block.parseFrom(anchor.block());
    } catch (InvalidProtocolBufferException e) {
      problems.add(
          new EvidenceException(Rule.BUNDLE_MALFORMED, "not a Fabric block: " + e.getMessage()));
      return problems;
    }
    if (block.getHeader().getNumber() != anchor.blockNumber()) {
      problems.add(
          new EvidenceException(
              ANCHOR_BLOCK_ALTERED,
              "the block is number "
                  + block.getHeader().getNumber()
                  + ", not "
                  + anchor.blockNumber()));
    }
    CommittedTransaction.check(
        block, anchor.txId(), tx -> heads.check(tx, head), channel, anchor.committedAt(), problems);
    return problems;
  }
}
