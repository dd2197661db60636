package org.kpledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database out of reach is answered 503 DATABASE_UNAVAILABLE with Retry-After, whether a
 * controller met it (ProblemHandler) or a filter did (ErrorEndpoint), and nothing of the exception
 * reaches the body.
 */
class DatabaseUnavailableAnswerTest {
  private static final SQLException LOST =
      new SQLException("Connection to 127.0.0.1:5432 refused: SELECT secret FROM t", "08001");

  @Test
  void aControllerThatMetTheOutageAnswers503WithRetryAfter() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/commands");
    ResponseEntity<ProblemDetail> r =
        new ProblemHandler()
            .unforeseen(new CannotCreateTransactionException("no connection", LOST), request);
    assertUnavailable(r);
  }

  @Test
  void aFilterThatMetTheOutageAnswers503WithRetryAfter() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/zones");
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException(LOST));
    ResponseEntity<ProblemDetail> r = new ErrorEndpoint().error(request);
    assertUnavailable(r);
    assertThat(r.getBody().getInstance()).hasToString("/api/zones");
  }

  @Test
  void anyOther503SaysWhenToRetryToo() {
    ResponseEntity<ProblemDetail> r =
        new ProblemHandler()
            .refused(
                new CommandRefusedException(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "RETRY",
                    null,
                    "the command met a concurrent one; retry it with the same envelope"),
                new MockHttpServletRequest("POST", "/api/commands"));
    assertThat(r.getStatusCode().value()).isEqualTo(503);
    assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
  }

  private static void assertUnavailable(ResponseEntity<ProblemDetail> r) {
    assertThat(r.getStatusCode().value()).isEqualTo(503);
    assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(r.getBody().getProperties()).containsEntry("rule", "DATABASE_UNAVAILABLE");
    assertThat(r.getBody().toString()).doesNotContain("SELECT", "5432", "SQLException");
  }
}
