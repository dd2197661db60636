package org.kpledger.api.problem;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every operation of the OpenAPI document says how it fails: a {@code 4XX} and a {@code 5XX} answer
 * of media type {@code application/problem+json} with the {@code Problem} schema (RFC 9457 members
 * and the ledger's {@code rule} and {@code field}), beside any specific error answers an operation
 * already documents.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String MEDIA_TYPE = "application/problem+json";

  @Override
  @SuppressWarnings("rawtypes")
  public void customise(OpenAPI openApi) {
    java.util.Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    if (schemas == null) {
      openApi.getComponents().setSchemas(new java.util.LinkedHashMap<>());
    }
    openApi.getComponents().addSchemas(PROBLEM, problem());
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .values()
        .forEach(path -> path.readOperations().forEach(ProblemResponses::addTo));
  }

  private static void addTo(Operation operation) {
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    responses.putIfAbsent(
        "4XX",
        answer(
            "Refused: malformed input (400), signature or certificate (401), not allowed (403),"
                + " unknown (404), taken (409), a custody rule (422); `rule` names it"));
    responses.putIfAbsent(
        "5XX",
        answer(
            "A fault of the node (500 INTERNAL_ERROR, no detail), or 503 with a Retry-After"
                + " header in seconds: RETRY (a concurrent command) or DATABASE_UNAVAILABLE (the"
                + " node's database is down, closed or full; nothing was recorded, send the same"
                + " request again)"));
    operation.setResponses(responses);
  }

  private static ApiResponse answer(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    MEDIA_TYPE,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema<?> problem() {
    Schema<?> problem =
        new ObjectSchema()
            .addProperty(
                "type",
                new StringSchema()
                    .description("urn:kp-ledger:problem:<the rule in kebab case>")
                    .example("urn:kp-ledger:problem:patente-not-valid"))
            .addProperty("title", new StringSchema().example("Refused by a custody rule"))
            .addProperty("status", new IntegerSchema().example(422))
            .addProperty("detail", new StringSchema().description("For a person"))
            .addProperty(
                "instance",
                new StringSchema().description("The path asked for").example("/api/commands"))
            .addProperty(
                "rule",
                new StringSchema()
                    .description("A stable code to program against")
                    .example("PATENTE_NOT_VALID"))
            .addProperty(
                "field",
                new StringSchema()
                    .description("The member, parameter or header at fault, when one is")
                    .example("payload.minerId"));
    problem.setRequired(List.of("type", "title", "status", "rule"));
    problem.setDescription(
        "An RFC 9457 problem: every failure of the node, on commands and queries alike");
    return problem;
  }
}
