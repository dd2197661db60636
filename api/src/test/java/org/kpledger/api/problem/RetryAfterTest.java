package org.kpledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@link ProblemHandler}: a refusal asking the client to retry says when, and no other does. */
class RetryAfterTest {
  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void aRetryAnswerCarriesRetryAfter() {
    var answer =
        handler.refused(
            new CommandRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "RETRY", null, "retry it"),
            new MockHttpServletRequest("POST", "/api/commands"));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("1");
    assertThat(answer.getBody().getProperties()).containsEntry("rule", "RETRY");
  }

  @Test
  void aFinalRefusalCarriesNoRetryAfter() {
    var answer =
        handler.refused(
            new CommandRefusedException(HttpStatus.CONFLICT, "ALREADY_EXISTS", "payload", "taken"),
            new MockHttpServletRequest("POST", "/api/commands"));

    assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
  }
}
