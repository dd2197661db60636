package org.kpledger.api.problem;

import java.net.URI;
import org.kpledger.api.access.QueryRefusedException;
import org.kpledger.api.command.CommandRefusedException;
import org.kpledger.api.command.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal leaves as RFC 9457 problem+json with the rule code and the field at fault. Ordered
 * first, so Spring's own problem details (which carry no rule) never answer instead.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

  @ExceptionHandler(CommandRefusedException.class)
  ResponseEntity<ProblemDetail> refused(CommandRefusedException e) {
    return problem(e.status(), e.rule(), e.field(), e.getMessage());
  }

  @ExceptionHandler(QueryRefusedException.class)
  ResponseEntity<ProblemDetail> queryRefused(QueryRefusedException e) {
    ResponseEntity<ProblemDetail> answer = problem(e.status(), e.rule(), e.field(), e.getMessage());
    answer
        .getBody()
        .setTitle(
            switch (e.status()) {
              case UNAUTHORIZED -> "Request not authenticated";
              case FORBIDDEN -> "Not visible to this reader";
              case NOT_FOUND -> "Not in the ledger";
              case BAD_REQUEST -> "Bad query parameter";
              default -> e.status().getReasonPhrase();
            });
    return answer;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    String hint =
        switch (expected) {
          case "LocalDate" -> " (an ISO-8601 date such as 2016-05-01)";
          case "YearMonth" -> " (an ISO-8601 month such as 2016-05)";
          default -> "";
        };
    return problem(
        HttpStatus.BAD_REQUEST,
        "INVALID_PARAMETER",
        e.getName(),
        e.getName() + " must be a " + expected + hint + ", not '" + e.getValue() + "'");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "MISSING_PARAMETER",
        e.getParameterName(),
        "the query parameter " + e.getParameterName() + " is required");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(
        HttpStatus.NOT_FOUND,
        "NO_SUCH_ENDPOINT",
        null,
        "no endpoint at /" + e.getResourcePath() + "; see /v3/api-docs");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", null, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "MALFORMED_JSON", null, "the request body is not readable");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        null,
        "send the envelope as application/json");
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String rule, String field, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(ProblemTypes.uri(rule)));
    p.setTitle(ProblemTypes.title(status));
    p.setProperty("rule", rule);
    if (field != null) {
      p.setProperty("field", field);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
