package org.kpledger.api.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON Schema of each command type's payload, derived from its command record and the bean
 * validation annotations the node enforces, and an example payload that fits it. The OpenAPI
 * document publishes both ({@link CommandPayloadSchemas}); {@code kp sign --template} prints the
 * example.
 */
public final class PayloadSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

  /** Sample texts an example string is picked from: the first that fits the schema. */
  private static final List<String> TEXTS =
      List.of("EXAMPLE-1", "CF-2026-0001", "BE", "7102.31", "A", "1", "example");

  private PayloadSchemas() {}

  /**
   * The schema of a payload class and the schemas it refers to (nested records, enumerations).
   *
   * @param payloadClass a command record
   * @return the payload's schema first, under the class's simple name, then the others
   */
  public static Map<String, Schema<?>> of(Class<?> payloadClass) {
    ResolvedSchema resolved =
        ModelConverters.getInstance(true)
            .resolveAsResolvedSchema(new AnnotatedType(payloadClass).resolveAsRef(false));
    Map<String, Schema<?>> all = new LinkedHashMap<>();
    all.put(payloadClass.getSimpleName(), resolved.schema);
    if (resolved.referencedSchemas != null) {
      resolved.referencedSchemas.forEach(
          (name, schema) -> {
            if (!name.equals(payloadClass.getSimpleName())) {
              all.put(name, schema);
            }
          });
    }
    alignWithRecords(payloadClass, all);
    return all;
  }

  /**
   * A record's schema has exactly its components as members (a derived {@code isX()} check is not a
   * member a client sends), and a member of a primitive type (a count) cannot be left out: the node
   * refuses a payload without it, so its schema says it is required; in the payload and in every
   * nested record.
   */
  private static void alignWithRecords(Class<?> type, Map<String, Schema<?>> schemas) {
    if (!type.isRecord()) {
      return;
    }
    Schema<?> schema = schemas.get(type.getSimpleName());
    if (schema != null && schema.getProperties() != null) {
      Set<String> components =
          java.util.Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(java.util.stream.Collectors.toSet());
      schema.getProperties().keySet().retainAll(components);
      if (schema.getRequired() != null) {
        schema.setRequired(schema.getRequired().stream().filter(components::contains).toList());
      }
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getType().isPrimitive()
          && schema != null
          && (schema.getRequired() == null || !schema.getRequired().contains(c.getName()))) {
        schema.addRequiredItem(c.getName());
      }
      alignWithRecords(c.getType(), schemas);
      if (c.getGenericType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> element) {
        alignWithRecords(element, schemas);
      }
    }
  }

  /**
   * An example payload of a command type: every member present, each value within its schema.
   *
   * @param payloadClass a command record
   * @return a JSON object to fill in and sign
   */
  public static ObjectNode example(Class<?> payloadClass) {
    Map<String, Schema<?>> schemas = of(payloadClass);
    return (ObjectNode) example(schemas.get(payloadClass.getSimpleName()), schemas, 0);
  }

  /**
   * An example value of a schema, following references into {@code components}.
   *
   * @param schema the schema
   * @param components the schemas references point to, by name
   * @param index which of several array items this is (varies ids)
   * @return a value that fits the schema
   * @throws IllegalArgumentException if no example value is known for a part of the schema
   */
  @SuppressWarnings("rawtypes")
  public static JsonNode example(
      Schema<?> schema, Map<String, ? extends Schema> components, int index) {
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      Schema<?> target = components.get(name);
      if (target == null) {
        throw new IllegalArgumentException("no schema " + name);
      }
      return example(target, components, index);
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return JSON.textNode(String.valueOf(schema.getEnum().get(0)));
    }
    String type = typeOf(schema);
    switch (type) {
      case "object" -> {
        ObjectNode object = JSON.objectNode();
        if (schema.getProperties() != null) {
          schema.getProperties().forEach((name, p) -> object.set(name, example(p, components, 0)));
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = JSON.arrayNode();
        int n = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
        for (int i = 0; i < n; i++) {
          array.add(example(schema.getItems(), components, index + i));
        }
        return array;
      }
      case "string" -> {
        return JSON.textNode(text(schema, index));
      }
      case "number" -> {
        return JSON.numberNode(number(schema, new BigDecimal("12.50")));
      }
      case "integer" -> {
        return JSON.numberNode(number(schema, BigDecimal.ONE).toBigInteger());
      }
      case "boolean" -> {
        return JSON.booleanNode(true);
      }
      default -> throw new IllegalArgumentException("no example for a schema of type " + type);
    }
  }

  private static String typeOf(Schema<?> schema) {
    Set<String> types = schema.getTypes();
    if (types != null && !types.isEmpty()) {
      return types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
    }
    if (schema.getType() != null) {
      return schema.getType();
    }
    return schema.getProperties() != null ? "object" : "unknown";
  }

  private static String text(Schema<?> schema, int index) {
    String format = schema.getFormat();
    if ("date".equals(format)) {
      return "2026-01-" + String.format("%02d", 15 + index);
    }
    if ("date-time".equals(format)) {
      return "2026-01-" + String.format("%02d", 15 + index) + "T09:30:00Z";
    }
    for (String candidate : TEXTS) {
      String value =
          candidate.startsWith("EXAMPLE-") || candidate.startsWith("CF-2026-")
              ? candidate.substring(0, candidate.length() - 1) + (index + 1)
              : candidate;
      if (fits(schema, value)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "no example text fits pattern "
            + schema.getPattern()
            + " of length "
            + schema.getMinLength()
            + ".."
            + schema.getMaxLength());
  }

  private static boolean fits(Schema<?> schema, String value) {
    return (schema.getPattern() == null || Pattern.matches(schema.getPattern(), value))
        && (schema.getMinLength() == null || value.length() >= schema.getMinLength())
        && (schema.getMaxLength() == null || value.length() <= schema.getMaxLength());
  }

  private static BigDecimal number(Schema<?> schema, BigDecimal preferred) {
    BigDecimal value = preferred;
    BigDecimal min = schema.getMinimum();
    BigDecimal max = schema.getMaximum();
    if (schema.getExclusiveMinimumValue() != null) {
      min = schema.getExclusiveMinimumValue().add(new BigDecimal("0.01"));
    }
    if (schema.getExclusiveMaximumValue() != null) {
      max = schema.getExclusiveMaximumValue().subtract(new BigDecimal("0.01"));
    }
    if (min != null && value.compareTo(min) < 0) {
      value = min;
    }
    if (max != null && value.compareTo(max) > 0) {
      value = max;
    }
    return value;
  }
}
