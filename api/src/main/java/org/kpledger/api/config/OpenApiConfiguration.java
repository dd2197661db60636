package org.kpledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.custody.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (and Swagger UI over it at {@code
 * /swagger-ui.html}): the queries, the signed-request headers they need as one security requirement
 * (all three together), the operations that need none ({@link #PUBLIC}: commands carry their own
 * signatures, the status probe, the public certificate form and the verifiable log), and the
 * authenticated {@link Actor} hidden from the parameters (the filter supplies it).
 */
@Configuration
class OpenApiConfiguration {
  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  /** Path prefixes whose operations need no signed read (as {@code ReadAuthenticationFilter}). */
  static final List<String> PUBLIC =
      List.of("/api/commands", "/api/status", "/api/public/", "/api/log/");

  private static final Map<String, String> SCHEMES =
      Map.of(
          SignedRequest.CERTIFICATE,
          "The reader's X.509 certificate, base64 DER, chained to an enrolled organisation CA.",
          SignedRequest.DATE,
          "When the request was signed: an ISO-8601 instant within kp.issued-at-window (5"
              + " minutes) of the node's clock.",
          SignedRequest.SIGNATURE,
          "ECDSA P-256 with SHA-256, low-S, DER then base64, by the certificate's key over the"
              + " UTF-8 bytes of 'KP-READ-1\\nMETHOD\\nrequest-target\\nKP-Date' (the"
              + " request target as sent: path and query). The three headers go together;"
              + " over mutual TLS the client certificate replaces them (kp query signs for you).");

  @Bean
  OpenAPI ledgerOpenApi() {
    Components components = new Components();
    SecurityRequirement requirement = new SecurityRequirement();
    for (String header :
        new String[] {SignedRequest.CERTIFICATE, SignedRequest.DATE, SignedRequest.SIGNATURE}) {
      components.addSecuritySchemes(
          header,
          new SecurityScheme()
              .type(SecurityScheme.Type.APIKEY)
              .in(SecurityScheme.In.HEADER)
              .name(header)
              .description(SCHEMES.get(header)));
      requirement.addList(header);
    }
    return new OpenAPI()
        .info(
            new Info()
                .title("KP rough-diamond ledger")
                .version("1")
                .description(
                    "Signed commands (POST /api/commands) and authenticated queries. A query "
                        + "carries KP-Certificate (base64 DER), KP-Date (ISO-8601 instant, within the "
                        + "command window) and KP-Signature (base64 DER ECDSA P-256 low-S over "
                        + "'KP-READ-1\\nMETHOD\\nrequest-target\\nKP-Date'), or a client certificate "
                        + "over mutual TLS. Errors are RFC 9457 problem+json with rule and field."))
        .components(components)
        .addSecurityItem(requirement);
  }

  /** Operations under {@link #PUBLIC} say that they need no signed read. */
  @Bean
  OpenApiCustomizer publicOperations() {
    return api ->
        api.getPaths()
            .forEach(
                (path, item) -> {
                  if (PUBLIC.stream().anyMatch(path::startsWith)) {
                    item.readOperations().forEach(o -> o.setSecurity(List.of()));
                  }
                });
  }
}
