package org.kpledger.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.storage.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal leaves as RFC 9457 problem+json with {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} (the path asked for), the {@code rule} code and the {@code
 * field} at fault where there is one. Ordered first, so Spring's own problem details (which carry
 * no rule) never answer instead. Details are written here, never taken from an exception's message,
 * so no SQL, class name or stack frame reaches a client; anything unforeseen is logged and answered
 * 500 {@code INTERNAL_ERROR} without detail.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  /** The rule of a request the node could not serve because its database is out of reach. */
  static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

  /** Retry-After, in seconds, of a 503 for a database out of reach. */
  static final String DATABASE_RETRY_AFTER = "5";

  /** Retry-After, in seconds, of any other 503 (RETRY: a command met a concurrent one). */
  static final String RETRY_AFTER = "1";

  @ExceptionHandler(CommandRefusedException.class)
  ResponseEntity<ProblemDetail> refused(CommandRefusedException e, HttpServletRequest request) {
    // a 503 (RETRY) carries Retry-After from problem(...): once, never twice
    return problem(request, e.status(), e.rule(), e.field(), e.getMessage());
  }

  @ExceptionHandler(QueryRefusedException.class)
  ResponseEntity<ProblemDetail> queryRefused(QueryRefusedException e, HttpServletRequest request) {
    return problem(request, e.status(), e.rule(), e.field(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    String hint =
        switch (expected) {
          case "LocalDate" -> "an ISO-8601 date such as 2016-05-01";
          case "YearMonth" -> "an ISO-8601 month such as 2016-05";
          case "int", "Integer", "long", "Long" -> "a whole number";
          default -> "a valid value";
        };
    return problem(
        request,
        HttpStatus.BAD_REQUEST,
        "INVALID_PARAMETER",
        e.getName(),
        e.getName() + " must be " + hint + ", not '" + e.getValue() + "'");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.BAD_REQUEST,
        "MISSING_PARAMETER",
        e.getParameterName(),
        "the query parameter " + e.getParameterName() + " is required");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.NOT_FOUND,
        "NO_SUCH_ENDPOINT",
        null,
        "no endpoint serves this path; see /v3/api-docs");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    String allowed =
        e.getSupportedMethods() == null ? "" : String.join(", ", e.getSupportedMethods());
    ResponseEntity<ProblemDetail> answer =
        problem(
            request,
            HttpStatus.METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            null,
            request.getMethod()
                + " is not allowed here"
                + (allowed.isEmpty() ? "" : "; use " + allowed));
    return allowed.isEmpty()
        ? answer
        : ResponseEntity.status(answer.getStatusCode())
            .headers(answer.getHeaders())
            .header("Allow", allowed)
            .body(answer.getBody());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.BAD_REQUEST,
        "MALFORMED_JSON",
        null,
        "the request body is missing or not readable");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        null,
        "send the body as application/json in UTF-8");
  }

  /** Spring's other refusals of a request (406, a missing header...), in our form. */
  private ResponseEntity<ProblemDetail> http(ErrorResponse e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    if (status.is5xxServerError()) {
      LOG.error("request {} failed", request.getRequestURI(), (Throwable) e);
    }
    return problem(
        request,
        status,
        ProblemTypes.ruleOf(status),
        null,
        status.is5xxServerError()
            ? "the node could not answer; the fault is logged on the node"
            : "the request cannot be served as sent: " + status.getReasonPhrase());
  }

  /**
   * Anything unforeseen: logged whole on the node, answered without a word of it. A database out of
   * reach is foreseen: 503 {@value #DATABASE_UNAVAILABLE} with {@code Retry-After}.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unforeseen(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse spring) {
      return http(spring, request);
    }
    if (DatabaseUnavailable.explains(e)) {
      return databaseUnavailable(e, request);
    }
    LOG.error("request {} failed", request.getRequestURI(), e);
    return problem(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        null,
        "the node could not answer; the fault is logged on the node");
  }

  /**
   * The database cannot be reached or cannot write: nothing of the request was committed, so a
   * command was not acknowledged and the same envelope can be sent again. Logged in one line (the
   * outage can last and every request meets it), the cause's class and message only.
   */
  static ResponseEntity<ProblemDetail> databaseUnavailable(
      Throwable e, HttpServletRequest request) {
    LOG.warn(
        "request {} answered 503: the database is unavailable ({})",
        request.getRequestURI(),
        rootOf(e));
    return problem(
        request,
        HttpStatus.SERVICE_UNAVAILABLE,
        DATABASE_UNAVAILABLE,
        null,
        "the ledger's database is unavailable; nothing was recorded: send the same request again"
            + " after Retry-After seconds");
  }

  private static String rootOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpServletRequest request, HttpStatus status, String rule, String field, String detail) {
    RequestFacts.rule(request, rule);
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(ProblemTypes.uri(rule)));
    String path = request.getRequestURI();
    p.setTitle(
        path.startsWith("/api/commands")
            ? ProblemTypes.title(status)
            : ProblemTypes.queryTitle(status, rule));
    p.setInstance(URI.create(Instances.of(path)));
    p.setProperty("rule", rule);
    if (field != null) {
      p.setProperty("field", field);
    }
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      // RFC 9110 §10.2.3: when to try again; the database's outage is longer than a lock's
      answer.header(
          HttpHeaders.RETRY_AFTER,
          DATABASE_UNAVAILABLE.equals(rule) ? DATABASE_RETRY_AFTER : RETRY_AFTER);
    }
    return answer.body(p);
  }
}
