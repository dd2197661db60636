package org.kpledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kpledger.audit.AuditBundle.CaCertificate;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.AuditBundle.Consistency;
import org.kpledger.audit.AuditBundle.FabricAnchor;
import org.kpledger.audit.AuditBundle.Head;
import org.kpledger.audit.AuditBundle.Inclusion;
import org.kpledger.audit.AuditBundle.Leaf;
import org.kpledger.audit.AuditBundle.Manifest;
import org.kpledger.audit.AuditBundle.RevocationList;
import org.kpledger.custody.LedgerMetaData;

/**
 * Writes an audit bundle (see {@link AuditBundle} for the files). Files are zip entries written one
 * after the other: write each whole before starting the next. Not thread-safe.
 */
public final class BundleWriter implements Closeable {

  private final ZipOutputStream zip;
  private String open;

  /**
   * Starts a bundle on a stream.
   *
   * @param out where the zip goes; closed by {@link #close()}
   */
  public BundleWriter(OutputStream out) {
    this.zip = new ZipOutputStream(out);
    zip.setLevel(Deflater.BEST_SPEED);
  }

  /**
   * Writes {@value AuditBundle#MANIFEST}.
   *
   * @param manifest the manifest
   * @throws IOException if writing fails
   */
  public void manifest(Manifest manifest) throws IOException {
    begin(AuditBundle.MANIFEST);
    zip.write(
        BundleCodec.JSON
            .writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(BundleCodec.json(manifest)));
    zip.write('\n');
  }

  /**
   * Writes {@value AuditBundle#CHECKPOINTS}.
   *
   * @param heads the signed heads, smallest first
   * @throws IOException if writing fails
   */
  public void checkpoints(List<Head> heads) throws IOException {
    begin(AuditBundle.CHECKPOINTS);
    for (Head h : heads) {
      line(BundleCodec.json(h));
    }
  }

  /**
   * Writes {@value AuditBundle#CONSISTENCY}.
   *
   * @param proofs the consistency proofs
   * @throws IOException if writing fails
   */
  public void consistency(List<Consistency> proofs) throws IOException {
    begin(AuditBundle.CONSISTENCY);
    for (Consistency c : proofs) {
      line(BundleCodec.json(c));
    }
  }

  /**
   * Writes {@value AuditBundle#CERTIFICATES}.
   *
   * @param certificates the organisation CA certificates
   * @throws IOException if writing fails
   */
  public void certificates(List<CaCertificate> certificates) throws IOException {
    begin(AuditBundle.CERTIFICATES);
    for (CaCertificate c : certificates) {
      line(BundleCodec.json(c));
    }
  }

  /**
   * Writes {@value AuditBundle#CRLS}.
   *
   * @param crls the revocation lists
   * @throws IOException if writing fails
   */
  public void crls(List<RevocationList> crls) throws IOException {
    begin(AuditBundle.CRLS);
    for (RevocationList r : crls) {
      line(BundleCodec.json(r));
    }
  }

  /**
   * Writes {@value AuditBundle#FABRIC_ANCHORS}; a bundle without Fabric anchors leaves it out.
   *
   * @param anchors the anchoring transactions with their blocks, smallest head first
   * @throws IOException if writing fails
   */
  public void fabricAnchors(List<FabricAnchor> anchors) throws IOException {
    begin(AuditBundle.FABRIC_ANCHORS);
    for (FabricAnchor a : anchors) {
      line(BundleCodec.json(a));
    }
  }

  /**
   * Writes {@value AuditBundle#FABRIC_CHANNEL}.
   *
   * @param configs the channel configuration blocks the anchoring blocks name
   * @throws IOException if writing fails
   */
  public void channelConfigs(List<ChannelConfigBlock> configs) throws IOException {
    begin(AuditBundle.FABRIC_CHANNEL);
    for (ChannelConfigBlock c : configs) {
      line(BundleCodec.json(c));
    }
  }

  /**
   * Starts {@value AuditBundle#LEAVES}; follow with {@link #leaf} calls.
   *
   * @throws IOException if writing fails
   */
  public void beginLeaves() throws IOException {
    begin(AuditBundle.LEAVES);
  }

  /**
   * Writes one leaf line.
   *
   * @param leaf the leaf
   * @throws IOException if writing fails
   */
  public void leaf(Leaf leaf) throws IOException {
    require(AuditBundle.LEAVES);
    line(BundleCodec.json(leaf));
  }

  /**
   * Starts {@value AuditBundle#EVENTS}; follow with {@link #event} calls.
   *
   * @throws IOException if writing fails
   */
  public void beginEvents() throws IOException {
    begin(AuditBundle.EVENTS);
  }

  /**
   * Writes one event line: exactly the event's leaf bytes, which hold no newline.
   *
   * @param leafBytes the RFC 8785 leaf object
   * @throws IOException if writing fails
   */
  public void event(byte[] leafBytes) throws IOException {
    require(AuditBundle.EVENTS);
    zip.write(leafBytes);
    zip.write('\n');
  }

  /**
   * Starts {@value AuditBundle#ENVELOPES}; follow with {@link #envelope} calls. Only a bundle that
   * holds {@code kp-ledger/leaf/v2} leaves has it, and its manifest is then of format {@value
   * AuditBundle#FORMAT_V2}.
   *
   * @throws IOException if writing fails
   */
  public void beginEnvelopes() throws IOException {
    begin(AuditBundle.ENVELOPES);
  }

  /**
   * Writes one envelope line: its digest and its text exactly as signed.
   *
   * @param envelope the envelope JSON text as the actor signed and sent it
   * @throws IOException if writing fails
   */
  public void envelope(String envelope) throws IOException {
    require(AuditBundle.ENVELOPES);
    line(BundleCodec.envelope(LedgerMetaData.envelopeSha256(envelope), envelope));
  }

  /**
   * Starts {@value AuditBundle#INCLUSION}; follow with {@link #inclusion} calls.
   *
   * @throws IOException if writing fails
   */
  public void beginInclusion() throws IOException {
    begin(AuditBundle.INCLUSION);
  }

  /**
   * Writes one inclusion proof line.
   *
   * @param proof the proof
   * @throws IOException if writing fails
   */
  public void inclusion(Inclusion proof) throws IOException {
    require(AuditBundle.INCLUSION);
    line(BundleCodec.json(proof));
  }

  /**
   * Finishes the zip.
   *
   * @throws IOException if writing fails
   */
  @Override
  public void close() throws IOException {
    zip.close();
  }

  private void begin(String name) throws IOException {
    if (open != null) {
      zip.closeEntry();
    }
    zip.putNextEntry(new ZipEntry(name));
    open = name;
  }

  private void require(String name) {
    if (!name.equals(open)) {
      throw new IllegalStateException("begin " + name + " first");
    }
  }

  private void line(JsonNode json) throws IOException {
    zip.write(BundleCodec.JSON.writeValueAsBytes(json));
    zip.write('\n');
  }
}
