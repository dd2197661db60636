package org.kpledger.api.problem;

import java.net.URI;
import org.kpledger.api.command.CommandRefusedException;
import org.kpledger.api.command.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal leaves as RFC 9457 problem+json with the rule code and the field at fault. */
@RestControllerAdvice
class ProblemHandler {

  @ExceptionHandler(CommandRefusedException.class)
  ResponseEntity<ProblemDetail> refused(CommandRefusedException e) {
    return problem(e.status(), e.rule(), e.field(), e.getMessage());
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
