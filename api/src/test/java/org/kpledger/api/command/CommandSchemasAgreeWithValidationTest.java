package org.kpledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerTestBase;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The served OpenAPI document is 3.1 and describes every command type's payload as the node
 * validates it: an example generated from the served schema passes the node's own binding and
 * validation; removing a member the schema requires is refused naming that member; removing one it
 * does not require is accepted. Issue #17.
 */
class CommandSchemasAgreeWithValidationTest extends LedgerTestBase {

  @Autowired EnvelopeVerifier verifier;

  private OpenAPI doc;

  @BeforeEach
  void readServedDocument() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body());
    assertThat(parsed.getMessages()).as("parser messages").isEmpty();
    doc = parsed.getOpenAPI();
  }

  @Test
  void theDocumentIsOpenApi31WithASignedCommandPerCommandType() {
    assertThat(doc.getOpenapi()).startsWith("3.1");
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas = doc.getComponents().getSchemas();
    assertThat(schemas.get(CommandPayloadSchemas.SIGNED_COMMAND).getOneOf())
        .hasSize(CommandCatalog.all().size());
    assertThat(schemas.get(CommandPayloadSchemas.SIGNED_COMMAND).getDiscriminator().getMapping())
        .containsOnlyKeys(CommandCatalog.all().keySet());
    for (String type : CommandCatalog.all().keySet()) {
      assertThat(schemas).containsKeys(type + "Payload", type + "Command");
      assertThat(schemas.get(type + "Payload").getExample()).as(type + " example").isNotNull();
    }
    assertThat(
            doc.getPaths()
                .get("/api/commands")
                .getPost()
                .getRequestBody()
                .getContent()
                .get("application/json")
                .getSchema()
                .get$ref())
        .endsWith("/" + CommandPayloadSchemas.SIGNED_COMMAND);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void everyCommandTypesSchemaAgreesWithTheNodesValidation() {
    Map<String, Schema> schemas = doc.getComponents().getSchemas();
    for (CommandCatalog.Entry entry : CommandCatalog.all().values()) {
      Schema<?> payload = schemas.get(entry.type() + "Payload");
      ObjectNode valid = (ObjectNode) PayloadSchemas.example(payload, schemas, 0);
      assertThat(verifier.bindPayload(valid, entry)).as(entry.type() + " " + valid).isNotNull();
      List<String> required = payload.getRequired() == null ? List.of() : payload.getRequired();
      Set<String> members = payload.getProperties().keySet();
      assertThat(members).as(entry.type() + " members").containsAll(required);
      for (String member : members) {
        ObjectNode without = valid.deepCopy();
        without.remove(member);
        if (required.contains(member)) {
          CommandRefusedException refused =
              catchThrowableOfType(
                  CommandRefusedException.class, () -> verifier.bindPayload(without, entry));
          assertThat(refused)
              .as(entry.type() + " without required " + member + " must be refused")
              .isNotNull();
          assertThat(refused.field())
              .as(entry.type() + " refusal names")
              .isEqualTo("payload." + member);
        } else {
          assertThat(verifier.bindPayload(without, entry))
              .as(entry.type() + " without optional " + member)
              .isNotNull();
        }
      }
    }
  }

  @Test
  void everyOperationSaysItFailsWithProblemJson() {
    doc.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          for (String status : List.of("4XX", "5XX")) {
                            assertThat(operation.getResponses().get(status))
                                .as(method + " " + path + " " + status)
                                .isNotNull();
                            assertThat(
                                    operation
                                        .getResponses()
                                        .get(status)
                                        .getContent()
                                        .get("application/problem+json")
                                        .getSchema()
                                        .get$ref())
                                .endsWith("/Problem");
                          }
                        }));
    assertThat(doc.getComponents().getSchemas().get("Problem").getRequired())
        .contains("type", "title", "status", "rule");
  }

  @Test
  void theExampleOfAPayloadWithABrokenMemberIsRefusedNamingIt() {
    CommandCatalog.Entry purchase = CommandCatalog.find("RecordPurchase").orElseThrow();
    ObjectNode slip = PayloadSchemas.example(purchase.payloadClass());
    slip.put("carats", "2.50");
    assertThatThrownBy(() -> verifier.bindPayload(slip, purchase))
        .isInstanceOfSatisfying(
            CommandRefusedException.class, e -> assertThat(e.field()).isEqualTo("payload.carats"));
  }
}
