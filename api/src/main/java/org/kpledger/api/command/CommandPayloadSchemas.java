package org.kpledger.api.command;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Publishes one schema per command type in the OpenAPI document: the signed envelope of {@code POST
 * /api/commands} (and each member of a batch) is a {@code oneOf} over the command types, chosen by
 * {@code commandType}, each with its payload's schema (required members, formats, bounds, an
 * example) and the roles that may sign it. The payload schemas come from the command records and
 * their bean-validation annotations, the same the node validates with.
 */
@Component
class CommandPayloadSchemas implements OpenApiCustomizer {

  static final String SIGNED_COMMAND = "SignedCommand";

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void customise(OpenAPI openApi) {
    Map<String, Schema> components = openApi.getComponents().getSchemas();
    if (components == null) {
      openApi.getComponents().setSchemas(new java.util.LinkedHashMap<>());
      components = openApi.getComponents().getSchemas();
    }
    List<Schema> variants = new ArrayList<>();
    Discriminator discriminator = new Discriminator().propertyName("commandType");
    for (CommandCatalog.Entry entry : CommandCatalog.all().values()) {
      Map<String, Schema<?>> schemas = PayloadSchemas.of(entry.payloadClass());
      String payloadName = entry.type() + "Payload";
      Schema<?> payload = schemas.remove(entry.payloadClass().getSimpleName());
      payload.setExample(PayloadSchemas.example(entry.payloadClass()));
      payload.setDescription("The payload of " + entry.type() + ".");
      components.put(payloadName, payload);
      schemas.forEach(components::putIfAbsent);
      String envelopeName = entry.type() + "Command";
      components.put(envelopeName, envelope(entry, payloadName));
      variants.add(new Schema<>().$ref("#/components/schemas/" + envelopeName));
      discriminator.mapping(entry.type(), "#/components/schemas/" + envelopeName);
    }
    Schema signed =
        new Schema<>()
            .oneOf(variants)
            .discriminator(discriminator)
            .description(
                "A signed command: its commandType chooses the payload's schema. The signature is"
                    + " ECDSA P-256 (DER, low-S) over the RFC 8785 canonical JSON of every other"
                    + " member.");
    components.put(SIGNED_COMMAND, signed);
    useFor(openApi.getPaths().get("/api/commands"), new Schema<>().$ref(ref(SIGNED_COMMAND)));
    useFor(
        openApi.getPaths().get("/api/commands/batch"),
        new ObjectSchema()
            .addProperty(
                "commands",
                new ArraySchema()
                    .items(new Schema<>().$ref(ref(SIGNED_COMMAND)))
                    .minItems(1)
                    .maxItems(500))
            .addRequiredItem("commands"));
  }

  private static Schema<?> envelope(CommandCatalog.Entry entry, String payloadName) {
    String signers =
        entry.grants().stream()
            .map(g -> g.role() + " of a " + g.organisationType())
            .sorted()
            .collect(Collectors.joining(", "));
    Schema<?> envelope =
        new ObjectSchema()
            .addProperty("commandType", new StringSchema()._enum(List.of(entry.type())))
            .addProperty(
                "commandId",
                new StringSchema().description("Unique per command; a retry repeats it"))
            .addProperty(
                "issuedAt",
                new StringSchema()
                    .format("date-time")
                    .description("Within 5 minutes of the node's clock"))
            .addProperty("payload", new Schema<>().$ref(ref(payloadName)))
            .addProperty(
                "signerCertificate",
                new StringSchema()
                    .format("byte")
                    .description("The signer's X.509 certificate, base64 DER"))
            .addProperty(
                "signature",
                new StringSchema().format("byte").description("Base64 DER ECDSA P-256, low-S"));
    envelope.setRequired(
        List.of(
            "commandType", "commandId", "issuedAt", "payload", "signerCertificate", "signature"));
    envelope.setDescription(
        entry.type()
            + (signers.isEmpty()
                ? ", signed by any actor of the revocation list's own organisation."
                : ", signed by a " + signers + "."));
    return envelope;
  }

  private static String ref(String name) {
    return "#/components/schemas/" + name;
  }

  private static void useFor(PathItem path, Schema<?> schema) {
    if (path == null || path.getPost() == null) {
      return;
    }
    Operation post = path.getPost();
    RequestBody body = post.getRequestBody() == null ? new RequestBody() : post.getRequestBody();
    body.setRequired(true);
    body.setContent(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    post.setRequestBody(body);
  }
}
