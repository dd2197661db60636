package org.kpledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An audit bundle opened for reading (format {@value #FORMAT} or {@value #FORMAT_V2}, specified in
 * {@code docs/audit-bundle.md}): a zip holding a manifest and JSON-lines files. Everything but the
 * events is read into memory when the bundle is opened; events are streamed, since a bundle may
 * hold millions. Lines that cannot be read are kept as {@link #problems()}, not thrown.
 */
public final class AuditBundle implements Closeable {

  /** The format name, the manifest's {@code format} member. */
  public static final String FORMAT = "kp-ledger/audit-bundle/v1";

  /**
   * The format of a bundle that holds {@code kp-ledger/leaf/v2} leaves and so {@value #ENVELOPES}:
   * a verifier that knows only {@value #FORMAT} refuses it rather than pass leaves whose envelopes
   * it never checked.
   */
  public static final String FORMAT_V2 = "kp-ledger/audit-bundle/v2";

  /** The manifest: one JSON object. */
  public static final String MANIFEST = "manifest.json";

  /** Signed tree heads, smallest first, with their anchors. */
  public static final String CHECKPOINTS = "checkpoints.jsonl";

  /** RFC 9162 consistency proofs between tree sizes. */
  public static final String CONSISTENCY = "consistency.jsonl";

  /** Which event is which leaf, by leaf index. */
  public static final String LEAVES = "leaves.jsonl";

  /** One event per line: exactly its leaf bytes (RFC 8785 leaf object, kp-ledger/leaf/v1). */
  public static final String EVENTS = "events.jsonl";

  /**
   * Bundle format v2: the envelopes of the bundle's {@code kp-ledger/leaf/v2} leaves, one per
   * command, each line {@code {"envelopeSha256": hex, "envelope": the JSON text exactly as
   * signed}}.
   */
  public static final String ENVELOPES = "envelopes.jsonl";

  /** RFC 9162 inclusion proofs of leaves in the newest head. */
  public static final String INCLUSION = "inclusion.jsonl";

  /** Organisation CA certificates. */
  public static final String CERTIFICATES = "certificates.jsonl";

  /** Revocation lists (X.509 CRLs) published in the ledger. */
  public static final String CRLS = "crls.jsonl";

  /** Optional: the Fabric transactions that anchored heads, each with its whole block. */
  public static final String FABRIC_ANCHORS = "fabric-anchors.jsonl";

  /** Optional: the Fabric channel configuration blocks the anchoring blocks name. */
  public static final String FABRIC_CHANNEL = "fabric-channel.jsonl";

  /**
   * The manifest.
   *
   * @param origin the log's origin (checkpoint first line)
   * @param verifierKey the log's verifier key as the node published it
   * @param createdAt when the bundle was made
   * @param scope what was asked for: {@code {"kind":"range","from":..,"to":..}} or {@code
   *     {"kind":"shipment","shipmentId":..}}
   * @param treeSize the newest head's size, against which inclusion proofs are made
   * @param leafRange the contiguous leaf range covered, for a range bundle
   * @param expectedAnchors the sinks whose evidence the bundle carries for its newest head (the
   *     node's word; an auditor adds its own with {@link BundleVerifier.Options#requiredAnchors()})
   * @param format {@value AuditBundle#FORMAT}, or {@value AuditBundle#FORMAT_V2} when the bundle
   *     holds v2 leaves
   */
  public record Manifest(
      String origin,
      String verifierKey,
      Instant createdAt,
      JsonNode scope,
      long treeSize,
      Optional<LeafRange> leafRange,
      List<String> expectedAnchors,
      String format) {

    /**
     * Copies the list; checks the format.
     *
     * @param origin the log's origin
     * @param verifierKey the log's verifier key
     * @param createdAt when the bundle was made
     * @param scope what was asked for
     * @param treeSize the newest head's size
     * @param leafRange the leaf range, for a range bundle
     * @param expectedAnchors the sinks expected to have anchored the newest head
     * @param format the bundle format
     */
    public Manifest {
      expectedAnchors = List.copyOf(expectedAnchors);
      if (!FORMAT.equals(format) && !FORMAT_V2.equals(format)) {
        throw new IllegalArgumentException(
            "format is '" + format + "', not " + FORMAT + " or " + FORMAT_V2);
      }
    }

    /**
     * A manifest of format {@value AuditBundle#FORMAT}.
     *
     * @param origin the log's origin
     * @param verifierKey the log's verifier key
     * @param createdAt when the bundle was made
     * @param scope what was asked for
     * @param treeSize the newest head's size
     * @param leafRange the leaf range, for a range bundle
     * @param expectedAnchors the sinks expected to have anchored the newest head
     */
    public Manifest(
        String origin,
        String verifierKey,
        Instant createdAt,
        JsonNode scope,
        long treeSize,
        Optional<LeafRange> leafRange,
        List<String> expectedAnchors) {
      this(origin, verifierKey, createdAt, scope, treeSize, leafRange, expectedAnchors, FORMAT);
    }

    /**
     * The same manifest in another format.
     *
     * @param format {@value AuditBundle#FORMAT} or {@value AuditBundle#FORMAT_V2}
     * @return a new manifest
     */
    public Manifest withFormat(String format) {
      return new Manifest(
          origin, verifierKey, createdAt, scope, treeSize, leafRange, expectedAnchors, format);
    }

    /**
     * A manifest that expects no anchor evidence (a node without a Fabric sink).
     *
     * @param origin the log's origin
     * @param verifierKey the log's verifier key
     * @param createdAt when the bundle was made
     * @param scope what was asked for
     * @param treeSize the newest head's size
     * @param leafRange the leaf range, for a range bundle
     */
    public Manifest(
        String origin,
        String verifierKey,
        Instant createdAt,
        JsonNode scope,
        long treeSize,
        Optional<LeafRange> leafRange) {
      this(origin, verifierKey, createdAt, scope, treeSize, leafRange, List.of());
    }
  }

  /**
   * A contiguous range of leaves {@code [from, to)} with the RFC 9162 left frontier that lets a
   * verifier rebuild the root of the first {@code to} leaves.
   *
   * @param from the first leaf index
   * @param to one past the last leaf index
   * @param prefix the hashes of the maximal complete subtrees covering leaves {@code [0, from)},
   *     largest first
   */
  public record LeafRange(long from, long to, List<byte[]> prefix) {}

  /**
   * Where a sink kept a head.
   *
   * @param sink the sink's name
   * @param reference where in the sink (file and offset, transaction id)
   * @param anchoredAt when
   */
  public record Anchor(String sink, String reference, Instant anchoredAt) {}

  /**
   * A signed tree head.
   *
   * @param treeSize its size
   * @param checkpoint the C2SP signed note
   * @param anchors where it was anchored
   */
  public record Head(long treeSize, String checkpoint, List<Anchor> anchors) {}

  /**
   * A consistency proof.
   *
   * @param fromSize the older size
   * @param toSize the newer size
   * @param proof the RFC 9162 §2.1.4.1 proof
   */
  public record Consistency(long fromSize, long toSize, List<byte[]> proof) {}

  /**
   * A leaf of the log.
   *
   * @param leafIndex its index
   * @param eventId the event it records
   * @param leafHash its hash as the log holds it
   * @param anchoredAt when it became a leaf
   */
  public record Leaf(long leafIndex, String eventId, byte[] leafHash, Instant anchoredAt) {}

  /**
   * An inclusion proof.
   *
   * @param leafIndex the leaf
   * @param treeSize the tree it is proven in
   * @param proof the RFC 9162 §2.1.3.1 audit path
   */
  public record Inclusion(long leafIndex, long treeSize, List<byte[]> proof) {}

  /**
   * An organisation CA certificate.
   *
   * @param organisationId the organisation
   * @param der the certificate's DER bytes
   */
  public record CaCertificate(String organisationId, byte[] der) {}

  /**
   * A CRL published in the ledger.
   *
   * @param organisationId the publishing organisation
   * @param crlNumber its CRL number
   * @param eventId the event that recorded it
   * @param der the CRL's DER bytes
   */
  public record RevocationList(String organisationId, long crlNumber, String eventId, byte[] der) {}

  /**
   * The evidence that a Fabric sink anchored a head: its transaction and the whole block that
   * carries it, as a peer serves it (Fabric's {@code common.Block} protobuf bytes).
   *
   * @param sink the sink's name
   * @param treeSize the anchored head's size
   * @param txId the Fabric transaction id
   * @param blockNumber the number of the block that carries it
   * @param committedAt when the sink saw it committed (the node's word, not checked)
   * @param block the block's protobuf bytes
   */
  public record FabricAnchor(
      String sink,
      long treeSize,
      String txId,
      long blockNumber,
      Instant committedAt,
      byte[] block) {}

  /**
   * A configuration block of the anchoring channel: which organisations are its members and which
   * CA certificates root their MSPs.
   *
   * @param channel the channel's name
   * @param blockNumber the block's number
   * @param block the block's protobuf bytes ({@code common.Block})
   */
  public record ChannelConfigBlock(String channel, long blockNumber, byte[] block) {}

  private final ZipFile zip;
  private final List<String> problems = new ArrayList<>();
  private final Manifest manifest;
  private final List<Head> heads;
  private final List<Consistency> consistency;
  private final List<Leaf> leaves;
  private final List<Inclusion> inclusion;
  private final List<CaCertificate> certificates;
  private final List<RevocationList> crls;
  private final List<FabricAnchor> fabricAnchors;
  private final List<ChannelConfigBlock> channelConfigs;

  private AuditBundle(ZipFile zip) throws IOException {
    this.zip = zip;
    BundleCodec.Reader reader = new BundleCodec.Reader(zip, problems);
    this.manifest = reader.manifest();
    this.heads = reader.lines(CHECKPOINTS, true, BundleCodec::head);
    this.consistency = reader.lines(CONSISTENCY, false, BundleCodec::consistency);
    this.leaves = reader.lines(LEAVES, true, BundleCodec::leaf);
    this.inclusion = reader.lines(INCLUSION, false, BundleCodec::inclusion);
    this.certificates = reader.lines(CERTIFICATES, false, BundleCodec::caCertificate);
    this.crls = reader.lines(CRLS, false, BundleCodec::revocationList);
    this.fabricAnchors = reader.lines(FABRIC_ANCHORS, false, BundleCodec::fabricAnchor);
    this.channelConfigs = reader.lines(FABRIC_CHANNEL, false, BundleCodec::channelConfig);
    if (zip.getEntry(EVENTS) == null) {
      problems.add(EVENTS + ": missing");
    }
  }

  /**
   * Opens a bundle.
   *
   * @param file the zip file
   * @return the bundle; close it when done
   * @throws IOException if the file is not a readable zip
   */
  public static AuditBundle open(Path file) throws IOException {
    ZipFile zip = new ZipFile(file.toFile());
    try {
      return new AuditBundle(zip);
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /**
   * Streams {@value #EVENTS}: one event per line, each line exactly the event's leaf bytes.
   *
   * @return the stream, empty if the file is missing; the caller closes it
   * @throws IOException if the zip cannot be read
   */
  public InputStream events() throws IOException {
    ZipEntry entry = zip.getEntry(EVENTS);
    return entry == null ? InputStream.nullInputStream() : zip.getInputStream(entry);
  }

  /**
   * Streams {@value #ENVELOPES}: one command's envelope per line.
   *
   * @return the stream, empty if the file is missing (a v1 bundle); the caller closes it
   * @throws IOException if the zip cannot be read
   */
  public InputStream envelopes() throws IOException {
    ZipEntry entry = zip.getEntry(ENVELOPES);
    return entry == null ? InputStream.nullInputStream() : zip.getInputStream(entry);
  }

  /**
   * Returns what could not be read, as {@code file:line: problem}.
   *
   * @return the problems, empty for a well-formed bundle
   */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * Returns the manifest.
   *
   * @return the manifest, or {@code null} if it could not be read
   */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * Returns the signed heads as listed.
   *
   * @return the heads
   */
  public List<Head> heads() {
    return heads;
  }

  /**
   * Returns the consistency proofs.
   *
   * @return the proofs
   */
  public List<Consistency> consistency() {
    return consistency;
  }

  /**
   * Returns the leaves as listed.
   *
   * @return the leaves
   */
  public List<Leaf> leaves() {
    return leaves;
  }

  /**
   * Returns the inclusion proofs.
   *
   * @return the proofs, empty if the bundle has none
   */
  public List<Inclusion> inclusion() {
    return inclusion;
  }

  /**
   * Returns the CA certificates.
   *
   * @return the certificates
   */
  public List<CaCertificate> certificates() {
    return certificates;
  }

  /**
   * Returns the CRLs.
   *
   * @return the CRLs
   */
  public List<RevocationList> crls() {
    return crls;
  }

  /**
   * Returns the evidence of Fabric anchors.
   *
   * @return the anchoring transactions with their blocks, empty if the bundle has none
   */
  public List<FabricAnchor> fabricAnchors() {
    return fabricAnchors;
  }

  /**
   * Returns the Fabric channel configuration blocks.
   *
   * @return the configuration blocks, empty if the bundle has none
   */
  public List<ChannelConfigBlock> channelConfigs() {
    return channelConfigs;
  }

  /**
   * Closes the zip file.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    zip.close();
  }
}
