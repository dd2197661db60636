package org.kpledger.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.merkle.MerkleHash;

/**
 * What the verifier found in one bundle: every finding (at most {@value Findings#KEPT_PER_RULE}
 * kept per rule; {@link #counts()} has them all) and a summary.
 *
 * @param findings the findings kept, ordered by rule then subject
 * @param counts how many findings each failing rule had
 * @param summary what was checked
 * @param notes remarks that are not failures (for example a trust root taken from the bundle)
 */
public record AuditReport(
    List<Finding> findings, Map<Rule, Long> counts, Summary summary, List<String> notes) {

  /**
   * What was checked.
   *
   * @param mode {@code full} or {@code hash-only}
   * @param events event lines read
   * @param leaves leaves listed
   * @param envelopes distinct envelopes whose signature and certificate were checked
   * @param checkpoints signed heads checked
   * @param newestHead the newest head whose signature verified, if any
   * @param elapsed wall time of the verification
   * @param threads worker threads used
   */
  public record Summary(
      String mode,
      long events,
      long leaves,
      long envelopes,
      int checkpoints,
      Optional<SignedTreeHead> newestHead,
      Duration elapsed,
      int threads) {}

  /**
   * Copies the lists.
   *
   * @param findings findings
   * @param counts counts per rule
   * @param summary the summary
   * @param notes remarks
   */
  public AuditReport {
    findings = List.copyOf(findings);
    counts = Map.copyOf(counts);
    notes = List.copyOf(notes);
  }

  /**
   * Tells whether nothing failed.
   *
   * @return true if there is no finding
   */
  public boolean isClean() {
    return counts.isEmpty();
  }

  /**
   * Tells whether some finding names this rule and subject.
   *
   * @param rule the rule
   * @param subject the subject, e.g. {@code event:<id>}
   * @return whether it was found
   */
  public boolean has(Rule rule, String subject) {
    return findings.stream().anyMatch(f -> f.rule() == rule && f.subject().equals(subject));
  }

  /**
   * The report as text: one line per finding, then the summary.
   *
   * @return lines ending in a newline
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    findings.forEach(f -> out.append(f).append('\n'));
    counts.forEach(
        (rule, n) -> {
          if (n > Findings.KEPT_PER_RULE) {
            out.append(rule)
                .append(": ")
                .append(n - Findings.KEPT_PER_RULE)
                .append(" more not shown\n");
          }
        });
    notes.forEach(n -> out.append("note: ").append(n).append('\n'));
    Summary s = summary;
    double seconds = Math.max(s.elapsed().toNanos(), 1) / 1e9;
    out.append(
        String.format(
            "checked (%s, %d threads): %d events, %d leaves, %d envelopes, %d checkpoints in %.2f s"
                + " (%.0f events/s)%n",
            s.mode(),
            s.threads(),
            s.events(),
            s.leaves(),
            s.envelopes(),
            s.checkpoints(),
            seconds,
            s.events() / seconds));
    s.newestHead()
        .ifPresent(
            h ->
                out.append("newest signed head: size ")
                    .append(h.size())
                    .append(" root ")
                    .append(MerkleHash.hex(h.head().rootHash()))
                    .append(" at ")
                    .append(h.head().timestamp())
                    .append('\n'));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    out.append(isClean() ? "VERIFIED: no findings\n" : "FAILED: " + total + " findings\n");
    return out.toString();
  }
}
