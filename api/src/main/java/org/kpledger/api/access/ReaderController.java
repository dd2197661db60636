package org.kpledger.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.kpledger.custody.Actor;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reader}: who the node takes the caller for. The web console calls it unsigned on
 * load to find a mutual-TLS client certificate the browser presented.
 */
@RestController
@Tag(name = "access")
class ReaderController {

  /**
   * The reader as the node sees it.
   *
   * @param actorId the certificate's CN
   * @param organisationId the certificate's O
   * @param organisationType the organisation's type, from its CA
   * @param role the certificate's OU
   * @param authenticatedBy how the node established it
   */
  record Reader(
      String actorId,
      String organisationId,
      OrganisationType organisationType,
      Role role,
      @Schema(description = "TLS_CLIENT_CERTIFICATE or SIGNED_REQUEST")
          ReaderAuthentication authenticatedBy) {}

  @GetMapping("/api/reader")
  @Operation(
      summary = "Who the node takes the caller for: actor, organisation, role, how authenticated",
      description =
          "A signed read (KP-Certificate, KP-Date, KP-Signature) or a client certificate over"
              + " mutual TLS, by any enrolled reader: the certificate's actor, organisation and"
              + " role, and authenticatedBy TLS_CLIENT_CERTIFICATE or SIGNED_REQUEST (a signed"
              + " request over a TLS connection with a client certificate is taken as signed);"
              + " 401 MISSING_CREDENTIALS without credentials, 401 with the certificate's rule"
              + " (UNKNOWN_ISSUER, CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, ...) for one the node does not accept.")
  Reader reader(Actor reader, HttpServletRequest request) {
    return new Reader(
        reader.actorId(),
        reader.organisationId(),
        reader.organisationType(),
        reader.role(),
        (ReaderAuthentication) request.getAttribute(ReadAuthenticationFilter.METHOD));
  }
}
