package org.kpledger.audit;

import java.util.Objects;

/**
 * One failed check.
 *
 * @param rule the rule that failed
 * @param subject what failed, in a stable form: {@code event:<id>}, {@code leaf:<index>}, {@code
 *     leaves:<from>..<to>}, {@code checkpoint:<size>}, {@code previous-checkpoint:<size>}, {@code
 *     organisation:<id>}, {@code crl:<organisation>#<number>}, {@code aggregate:<id>}, {@code
 *     bundle:<file>}
 * @param detail what was found, for a person
 */
public record Finding(Rule rule, String subject, String detail) {

  /**
   * Checks that every part is present.
   *
   * @param rule the rule
   * @param subject the subject
   * @param detail the detail
   */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Formats the finding on one line.
   *
   * @return {@code RULE subject: detail}
   */
  @Override
  public String toString() {
    return rule + " " + subject + ": " + detail;
  }
}
