package org.kpledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.custody.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the queries, the signed-request headers they need,
 * and the authenticated {@link Actor} hidden from the parameters (the filter supplies it).
 */
@Configuration
class OpenApiConfiguration {
  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

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
              .name(header));
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
}
