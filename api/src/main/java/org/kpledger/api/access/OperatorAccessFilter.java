package org.kpledger.api.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the Actuator endpoints under {@code /actuator}. The health probes ({@code
 * /actuator/health}, {@code /actuator/health/liveness}, {@code /actuator/health/readiness}) answer
 * their status to anyone. Their components and details, the metrics ({@code /actuator/prometheus})
 * and the database's online backup ({@code /actuator/backup}) are for the node's operators ({@link
 * ReadPolicy#isOperator}: the KP authority and auditors), who prove it as for any read: a client
 * certificate over mutual TLS or a signed request. An operator's request carries the role {@value
 * #ROLE}, which {@code management.endpoint.health.roles} names, so Spring Boot shows the details to
 * it alone. Bad credentials are refused (401) as on every read; none at all only hide the details,
 * except on the metrics and the backup, which answer 401 or 403.
 */
@Component
class OperatorAccessFilter extends OncePerRequestFilter {
  /** The role of an authenticated operator's request. */
  static final String ROLE = "KP_OPERATOR";

  private static final String TLS_CERTS = "jakarta.servlet.request.X509Certificate";
  private final ReadAuthenticationFilter reads;
  private final ReadPolicy policy;

  OperatorAccessFilter(ReadAuthenticationFilter reads, ReadPolicy policy) {
    this.reads = reads;
    this.policy = policy;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/actuator") || path.startsWith("/actuator/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Actor reader = null;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean metrics = path.startsWith("/actuator/prometheus");
    boolean backup = path.startsWith("/actuator/backup");
    try {
      if (metrics || backup || presentsCredentials(request)) {
        reader = reads.authenticate(request);
      }
      if ((metrics || backup) && !policy.isOperator(reader)) {
        throw new QueryRefusedException(
            HttpStatus.FORBIDDEN,
            "NOT_VISIBLE",
            null,
            "only the KP authority and auditors may read the node's "
                + (metrics ? "metrics" : "database backup"));
      }
    } catch (QueryRefusedException e) {
      reads.write(request, response, e);
      return;
    }
    chain.doFilter(
        reader != null && policy.isOperator(reader) ? new Operator(request, reader) : request,
        response);
  }

  private static boolean presentsCredentials(HttpServletRequest request) {
    return request.getHeader(SignedRequest.SIGNATURE) != null
        || request.getHeader(SignedRequest.CERTIFICATE) != null
        || request.getAttribute(TLS_CERTS) != null;
  }

  /** The request of an authenticated operator: its actor as the principal, in role ROLE. */
  private static final class Operator extends HttpServletRequestWrapper {
    private final Principal principal;

    Operator(HttpServletRequest request, Actor actor) {
      super(request);
      this.principal = actor::actorId;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return ROLE.equals(role);
    }
  }
}
