package org.kpledger.api.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.problem.Instances;
import org.kpledger.api.problem.ProblemTypes;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under {@code /api/} except the write path (whose envelopes carry
 * their own signatures), the status probe, the public certificate form and the verifiable log
 * (checkpoints and proofs are public by design: anyone may check them). The actor is left as a
 * request attribute for {@link ReaderArgumentResolver}; a failure answers 401 problem+json before
 * any controller runs.
 */
@Component
class ReadAuthenticationFilter extends OncePerRequestFilter {
  static final String ACTOR = ReadAuthenticationFilter.class.getName() + ".actor";
  static final String METHOD = ReadAuthenticationFilter.class.getName() + ".method";
  private static final String TLS_CERTS = "jakarta.servlet.request.X509Certificate";

  private final ReadAuthenticator authenticator;
  private final ObjectMapper json;

  ReadAuthenticationFilter(ReadAuthenticator authenticator, ObjectMapper json) {
    this.authenticator = authenticator;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/")
        || path.equals("/api/commands")
        || path.equals("/api/commands/batch")
        || path.equals("/api/status")
        || path.startsWith("/api/public/")
        || path.startsWith("/api/log/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.setAttribute(ACTOR, authenticate(request));
    } catch (QueryRefusedException e) {
      write(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The reader of a request: its TLS client certificate, or its signed-request headers. */
  Actor authenticate(HttpServletRequest request) {
    if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
      throw QueryRefusedException.badParameter(
          "BODY_NOT_ALLOWED",
          null,
          "queries carry no body; the signature covers method, target and date only");
    }
    Object tls = request.getAttribute(TLS_CERTS);
    if (tls instanceof X509Certificate[] chain
        && chain.length > 0
        && request.getHeader(SignedRequest.SIGNATURE) == null) {
      Actor reader = authenticator.fromTlsCertificate(chain[0]);
      request.setAttribute(METHOD, ReaderAuthentication.TLS_CLIENT_CERTIFICATE);
      return reader;
    }
    String target =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    Actor reader =
        authenticator.fromSignedRequest(
            request.getMethod(),
            target,
            request.getHeader(SignedRequest.CERTIFICATE),
            request.getHeader(SignedRequest.DATE),
            request.getHeader(SignedRequest.SIGNATURE));
    request.setAttribute(METHOD, ReaderAuthentication.SIGNED_REQUEST);
    return reader;
  }

  /** Answers a refused request with problem+json (and the challenge on a 401). */
  void write(HttpServletRequest request, HttpServletResponse response, QueryRefusedException e)
      throws IOException {
    HttpStatus status = e.status();
    RequestFacts.rule(request, e.rule());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", ProblemTypes.uri(e.rule()));
    p.put("title", ProblemTypes.queryTitle(status, e.rule()));
    p.put("status", status.value());
    p.put("detail", e.getMessage());
    p.put("instance", Instances.of(request.getRequestURI()));
    p.put("rule", e.rule());
    if (e.field() != null) {
      p.put("field", e.field());
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "KP-Signature");
    }
    json.writeValue(response.getOutputStream(), p);
  }
}
