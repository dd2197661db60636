package org.kpledger.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.kpledger.api.storage.DatabaseUnavailable;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards an error that no handler answered (a
 * filter's, or one raised before Spring MVC), in place of Spring Boot's default, which answered its
 * own JSON with the exception's message. Asked for directly, {@code /error} is a path like any
 * other that no endpoint serves: 404.
 */
@Hidden
@RestController
class ErrorEndpoint implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    HttpServletRequest original =
        new jakarta.servlet.http.HttpServletRequestWrapper(request) {
          @Override
          public String getRequestURI() {
            return uri instanceof String s ? s : request.getRequestURI();
          }
        };
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && DatabaseUnavailable.explains(failure)) {
      // a filter's read of the database (an authenticated read's checks) met the outage
      return ProblemHandler.databaseUnavailable(failure, original);
    }
    HttpStatus status =
        code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
            ? HttpStatus.valueOf(c)
            : HttpStatus.NOT_FOUND;
    String rule = ProblemTypes.ruleOf(status);
    String detail =
        switch (status) {
          case NOT_FOUND -> "no endpoint serves this path; see /v3/api-docs";
          case BAD_REQUEST -> "the request is not valid HTTP as sent";
          default ->
              status.is5xxServerError()
                  ? "the node could not answer; the fault is logged on the node"
                  : "the request cannot be served as sent: " + status.getReasonPhrase();
        };
    return ProblemHandler.problem(original, status, rule, null, detail);
  }
}
