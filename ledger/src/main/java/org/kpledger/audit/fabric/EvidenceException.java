package org.kpledger.audit.fabric;

import org.kpledger.audit.Rule;

/** A piece of Fabric evidence that fails a check: the rule it breaks and what was found. */
final class EvidenceException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Rule rule;

  EvidenceException(Rule rule, String detail) {
    super(detail);
    this.rule = rule;
  }

  EvidenceException(Rule rule, String detail, Throwable cause) {
    super(detail, cause);
    this.rule = rule;
  }

  Rule rule() {
    return rule;
  }
}
