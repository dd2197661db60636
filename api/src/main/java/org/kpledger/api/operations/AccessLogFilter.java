package org.kpledger.api.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request on the logger {@value #LOGGER} at INFO: method, path (without the query
 * string), status and duration, and where the request path named them the command's type and id,
 * the number of envelopes of a batch and the rule of a refusal. The same facts are key-value pairs
 * of the event, so they are fields of their own in the structured (JSON) logs. Headers, bodies,
 * signatures and certificates are never read here. First of all filters, so the duration covers
 * them and a request they refuse is logged too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter extends OncePerRequestFilter {
  static final String LOGGER = "org.kpledger.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (LOG.isInfoEnabled()) {
        log(request, response.getStatus(), (System.nanoTime() - start) / 1_000_000);
      }
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    // an error forwarded to /error is the same request, logged once with its final status
    return true;
  }

  private static void log(HttpServletRequest request, int status, long millis) {
    StringBuilder line =
        new StringBuilder(request.getMethod())
            .append(' ')
            .append(request.getRequestURI())
            .append(' ')
            .append(status)
            .append(' ')
            .append(millis)
            .append(" ms");
    LoggingEventBuilder event =
        LOG.atInfo()
            .addKeyValue("http.method", request.getMethod())
            .addKeyValue("http.path", request.getRequestURI())
            .addKeyValue("http.status", status)
            .addKeyValue("http.durationMs", millis);
    event = fact(event, line, request, RequestFacts.COMMAND_TYPE, "commandType");
    event = fact(event, line, request, RequestFacts.COMMAND_ID, "commandId");
    event = fact(event, line, request, RequestFacts.COMMANDS, "commands");
    event = fact(event, line, request, RequestFacts.RULE, "rule");
    event = fact(event, line, request, RequestFacts.REPLAYED, "replayed");
    event.log(line.toString());
  }

  private static LoggingEventBuilder fact(
      LoggingEventBuilder event,
      StringBuilder line,
      HttpServletRequest request,
      String attribute,
      String key) {
    Object value = request.getAttribute(attribute);
    if (value == null) {
      return event;
    }
    line.append(' ').append(key).append('=').append(value);
    return event.addKeyValue(key, value);
  }
}
