package org.kpledger.api.problem;

import org.springframework.http.HttpStatus;

/**
 * A command refused before or by the ledger, with what the problem+json answer must say: the
 * status, a stable rule code, and the field at fault where there is one.
 */
public class CommandRefusedException extends RuntimeException {
  private final HttpStatus status;
  private final String rule;
  private final String field;

  /**
   * @param status the HTTP status of the answer
   * @param rule the stable code of the rule that refused it
   * @param field the JSON path of the field at fault, or null
   * @param detail what went wrong, for a person
   */
  public CommandRefusedException(HttpStatus status, String rule, String field, String detail) {
    super(detail);
    this.status = status;
    this.rule = rule;
    this.field = field;
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /** The stable rule code. */
  public String rule() {
    return rule;
  }

  /** The field at fault, or null. */
  public String field() {
    return field;
  }
}
