package org.kpledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.settings.LedgerProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code kp.max-body-bytes} with 413 problem+json before any of
 * it is parsed, whether or not it declares its length.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final ObjectMapper json;

  BodySizeLimitFilter(LedgerProperties props, ObjectMapper json) {
    this.limit = props.maxBodyBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(request, response);
      return;
    }
    if (declared < 0 && "POST".equals(request.getMethod())) {
      byte[] body =
          request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
      if (body.length > limit) {
        tooLarge(request, response);
        return;
      }
      chain.doFilter(new ReplayedBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    RequestFacts.rule(request, "BODY_TOO_LARGE");
    response.setStatus(413);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        Map.of(
            "type",
            ProblemTypes.uri("BODY_TOO_LARGE"),
            "title",
            "Payload too large",
            "status",
            413,
            "detail",
            "the request body exceeds " + limit + " bytes",
            "instance",
            Instances.of(request.getRequestURI()),
            "rule",
            "BODY_TOO_LARGE"));
  }
}
