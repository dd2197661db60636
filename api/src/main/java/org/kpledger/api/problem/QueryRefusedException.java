package org.kpledger.api.problem;

import org.springframework.http.HttpStatus;

/**
 * A query refused: not authenticated (401), not allowed to see what it asks (403), asking for
 * something unknown (404) or badly formed (400). Leaves as problem+json with its rule and field.
 */
public class QueryRefusedException extends RuntimeException {
  private final HttpStatus status;
  private final String rule;
  private final String field;

  /** A refusal with its status, stable rule code, the parameter at fault (or null) and detail. */
  public QueryRefusedException(HttpStatus status, String rule, String field, String detail) {
    super(detail);
    this.status = status;
    this.rule = rule;
    this.field = field;
  }

  /** 404: the named thing is not in the ledger. */
  public static QueryRefusedException notFound(String field, String what) {
    return new QueryRefusedException(HttpStatus.NOT_FOUND, "UNKNOWN_ID", field, "no " + what);
  }

  /** 403: the reader's organisation may not see this. */
  public static QueryRefusedException notVisible(String field, String detail) {
    return new QueryRefusedException(HttpStatus.FORBIDDEN, "NOT_VISIBLE", field, detail);
  }

  /** 400: a parameter is out of bounds or malformed. */
  public static QueryRefusedException badParameter(String rule, String field, String detail) {
    return new QueryRefusedException(HttpStatus.BAD_REQUEST, rule, field, detail);
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /** The stable rule code. */
  public String rule() {
    return rule;
  }

  /** The parameter or header at fault, or null. */
  public String field() {
    return field;
  }
}
