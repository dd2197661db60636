package org.kpledger.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.AuditBundle.Manifest;
import org.kpledger.audit.fabric.ChannelConfirmationVerifier;
import org.kpledger.audit.fabric.FabricChannel;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.TrustAnchors;

/**
 * Verifies an audit bundle with no server and returns every failure as a {@link Finding} naming its
 * {@link Rule} and subject, with a summary. See the package documentation for what is checked. Work
 * is spread over {@link Options#threads()} threads (signature checks, hashing, proofs). Instances
 * are immutable; {@link #verify} may be called from several threads.
 */
public final class BundleVerifier {

  /**
   * What the caller trusts and how to verify.
   *
   * @param verifierKey the log's verifier key (note form); if empty, the bundle's is used and a
   *     note says so
   * @param trustAnchors the organisation CAs; if empty, the bundle's are used and a note says so
   * @param previousCheckpoint the last checkpoint the auditor saw, which the bundle's newest head
   *     must extend
   * @param hashOnly skip envelopes, signatures of actors and certificates
   * @param threads worker threads, at least 1
   * @param requiredAnchors sinks whose evidence the auditor requires for the newest head, besides
   *     those the bundle's manifest expects (for example {@code fabric})
   */
  public record Options(
      Optional<String> verifierKey,
      Optional<TrustAnchors> trustAnchors,
      Optional<String> previousCheckpoint,
      boolean hashOnly,
      int threads,
      Set<String> requiredAnchors) {

    /**
     * Validates.
     *
     * @param verifierKey the pinned log key
     * @param trustAnchors the pinned CAs
     * @param previousCheckpoint the auditor's last checkpoint
     * @param hashOnly whether to skip envelopes
     * @param threads worker threads
     * @param requiredAnchors the sinks the auditor requires
     */
    public Options {
      Objects.requireNonNull(verifierKey, "verifierKey");
      Objects.requireNonNull(trustAnchors, "trustAnchors");
      Objects.requireNonNull(previousCheckpoint, "previousCheckpoint");
      requiredAnchors = Set.copyOf(requiredAnchors);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
    }

    /**
     * Options that require no anchor evidence beyond what the bundle expects.
     *
     * @param verifierKey the pinned log key
     * @param trustAnchors the pinned CAs
     * @param previousCheckpoint the auditor's last checkpoint
     * @param hashOnly whether to skip envelopes
     * @param threads worker threads
     */
    public Options(
        Optional<String> verifierKey,
        Optional<TrustAnchors> trustAnchors,
        Optional<String> previousCheckpoint,
        boolean hashOnly,
        int threads) {
      this(verifierKey, trustAnchors, previousCheckpoint, hashOnly, threads, Set.of());
    }

    /**
     * The same options, also requiring evidence that these sinks anchored the newest head.
     *
     * @param sinks sink names, such as {@code fabric}
     * @return new options
     */
    public Options requiringAnchors(Set<String> sinks) {
      Set<String> all = new HashSet<>(requiredAnchors);
      all.addAll(sinks);
      return new Options(verifierKey, trustAnchors, previousCheckpoint, hashOnly, threads, all);
    }

    /**
     * Full verification on every core, trusting nothing pinned yet.
     *
     * @return the default options
     */
    public static Options defaults() {
      return new Options(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Runtime.getRuntime().availableProcessors());
    }
  }

  private final Options options;

  /**
   * Creates a verifier.
   *
   * @param options what to trust and how
   */
  public BundleVerifier(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Opens and verifies a bundle file.
   *
   * @param file the zip
   * @return the report
   * @throws Exception if the file cannot be read at all
   */
  public AuditReport verify(Path file) throws Exception {
    try (AuditBundle bundle = AuditBundle.open(file)) {
      return verify(bundle);
    }
  }

  /**
   * Verifies an open bundle.
   *
   * @param bundle the bundle
   * @return the report
   * @throws Exception if the bundle's events cannot be read at all
   */
  public AuditReport verify(AuditBundle bundle) throws Exception {
    long started = System.nanoTime();
    Findings findings = new Findings();
    List<String> notes = new ArrayList<>();
    bundle
        .problems()
        .forEach(p -> findings.add(Rule.BUNDLE_MALFORMED, "bundle:" + p.split(":", 2)[0], p));
    Manifest manifest = bundle.manifest();
    CheckpointVerifier logKey = logKey(manifest, findings, notes);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), BundleVerifier::daemon);
    try {
      FabricChannel channel = new FabricChannel(bundle.channelConfigs(), options.trustAnchors());
      channel.findings().forEach(f -> findings.add(f.rule(), f.subject(), f.detail()));
      notes.addAll(channel.notes());
      Optional<SignedTreeHead> newest = Optional.empty();
      int checkpoints = 0;
      LeafChecks leaves = null;
      if (logKey != null) {
        HeadChecks heads = new HeadChecks(logKey, bundle.consistency(), findings);
        TreeMap<Long, SignedTreeHead> signed = heads.verify(bundle.heads());
        checkpoints = signed.size();
        long claimed = manifest == null ? 0 : manifest.treeSize();
        newest = Optional.ofNullable(signed.get(claimed));
        if (newest.isEmpty() && manifest != null) {
          notes.add(
              "the bundle's newest head ("
                  + claimed
                  + ") is not validly signed, so leaves"
                  + " are checked only against the heads that are");
        }
        if (options.previousCheckpoint().isPresent()) {
          heads.requireExtends(options.previousCheckpoint().get(), claimed, newest);
        }
        leaves = new LeafChecks(bundle.leaves(), findings, heads);
        leaves.exactlyOnce();
        proveLeaves(bundle, leaves, signed, newest.orElse(null), pool);
        new AnchorChecks(bundle, findings, notes)
            .verify(logKeyText(manifest), options, channel, signed, newest);
      }
      EnvelopeChecks envelopes = null;
      ChannelEvidenceChecks fromChannel = null;
      if (!options.hashOnly()) {
        CertificateAuthenticator authenticator =
            TrustChecks.authenticator(bundle, options.trustAnchors(), findings, notes);
        envelopes = new EnvelopeChecks(authenticator, findings);
        fromChannel =
            new ChannelEvidenceChecks(new ChannelConfirmationVerifier(channel), findings, notes);
      }
      if (envelopes != null) {
        try (var in = bundle.envelopes()) {
          envelopes.preload(in, pool, options.threads());
        }
      }
      Set<String> crls = new HashSet<>();
      bundle.crls().forEach(c -> crls.add(java.util.Base64.getEncoder().encodeToString(c.der())));
      EventChecks events = new EventChecks(bundle.leaves(), findings, envelopes, fromChannel, crls);
      if (manifest != null && "shipment".equals(manifest.scope().path("kind").asText())) {
        events.wholeAggregates();
      }
      try (var in = bundle.events()) {
        events.run(in, pool, options.threads());
      }
      AuditReport.Summary summary =
          new AuditReport.Summary(
              options.hashOnly() ? "hash-only" : "full",
              events.lines(),
              bundle.leaves().size(),
              envelopes == null ? 0 : envelopes.distinctEnvelopes(),
              checkpoints,
              newest,
              Duration.ofNanos(System.nanoTime() - started),
              options.threads());
      Map<Rule, Long> counts = findings.counts();
      return new AuditReport(findings.kept(), counts, summary, notes);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private void proveLeaves(
      AuditBundle bundle,
      LeafChecks leaves,
      TreeMap<Long, SignedTreeHead> signed,
      SignedTreeHead newest,
      ExecutorService pool)
      throws Exception {
    Optional<AuditBundle.LeafRange> range =
        bundle.manifest() == null ? Optional.empty() : bundle.manifest().leafRange();
    boolean proven = range.isPresent() && leaves.range(range.get(), signed, newest);
    if (!proven && newest != null && (range.isEmpty() || !bundle.inclusion().isEmpty())) {
      leaves.inclusion(bundle.inclusion(), newest, pool);
    }
  }

  private String logKeyText(Manifest manifest) {
    return options.verifierKey().orElse(manifest == null ? null : manifest.verifierKey());
  }

  private CheckpointVerifier logKey(Manifest manifest, Findings findings, List<String> notes) {
    Optional<String> pinned = options.verifierKey();
    String supplied = manifest == null ? null : manifest.verifierKey();
    if (pinned.isPresent() && supplied != null && !pinned.get().equals(supplied)) {
      findings.add(
          Rule.VERIFIER_KEY_MISMATCH,
          "bundle:" + AuditBundle.MANIFEST,
          "the bundle names log key " + supplied + "; you pinned " + pinned.get());
    }
    String key = pinned.orElse(supplied);
    if (pinned.isEmpty()) {
      notes.add("no verifier key given: the log key was taken from the bundle itself");
    }
    if (key == null) {
      findings.add(Rule.BUNDLE_MALFORMED, "bundle:" + AuditBundle.MANIFEST, "no log key");
      return null;
    }
    try {
      return CheckpointVerifier.fromVerifierKey(key);
    } catch (IllegalArgumentException e) {
      findings.add(Rule.BUNDLE_MALFORMED, "verifier-key", e.getMessage());
      return null;
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "bundle-verifier");
    t.setDaemon(true);
    return t;
  }
}
