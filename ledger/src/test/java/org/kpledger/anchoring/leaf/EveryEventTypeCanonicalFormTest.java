package org.kpledger.anchoring.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kpledger.canonical.ReferenceJcs;
import org.kpledger.custody.LedgerMetaData;

/**
 * For every event type the ledger stores, the leaf bytes of its canonicaliser equal those of the
 * reference RFC 8785 library, on an instance whose every field holds awkward values: decimals with
 * trailing zeros, text with quotes, controls, accents, non-BMP characters and U+2028.
 */
class EveryEventTypeCanonicalFormTest {

  private static final String[] TEXTS = {
    "Élodie \"Mbaïki\" \\ \t\n\u2028 \uD834\uDD1E \u20ac", "\u0000\u001f\u007f end", "plain"
  };
  private static final String[] DECIMALS = {"800.00", "3.30", "0.001", "12345.6789", "1E+2"};

  /** The node's event serializer: Spring Boot's ObjectMapper writes dates as ISO-8601 text. */
  private final LeafEncoder encoder =
      new LeafEncoder(
          JacksonSerializer.builder()
              .objectMapper(
                  JsonMapper.builder()
                      .findAndAddModules()
                      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                      .build())
              .build());

  static List<Class<?>> eventTypes() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kpledger")
            .stream()
            .filter(c -> c.isAnnotatedWith(Revision.class))
            .map(JavaClass::reflect)
            .filter(Class::isRecord)
            .sorted((a, b) -> a.getName().compareTo(b.getName()))
            .toList();
  }

  @Test
  void everyStoredEventTypeIsFound() {
    assertThat(eventTypes())
        .hasSizeGreaterThanOrEqualTo(40)
        .extracting(Class::getSimpleName)
        .contains("LotPurchasedEvent", "ZoneDecisionRecordedEvent", "RevocationListPublishedEvent");
  }

  @TestFactory
  Stream<DynamicTest> leafBytesEqualTheReferenceLibrarysForEveryEventType() {
    return eventTypes().stream()
        .flatMap(
            type ->
                Stream.of(0, 1, 2)
                    .map(
                        variant ->
                            DynamicTest.dynamicTest(
                                type.getSimpleName() + " #" + variant,
                                () -> {
                                  Object payload = sample(type, variant);
                                  GenericDomainEventMessage<?> event =
                                      new GenericDomainEventMessage<>(
                                          "Sample",
                                          "agg-" + variant,
                                          variant,
                                          payload,
                                          Map.of(
                                              LedgerMetaData.ENVELOPE,
                                              "{\"payload\":{\"note\":\"" + TEXTS[variant] + "\"}}",
                                              LedgerMetaData.ACTOR_ID,
                                              TEXTS[variant]),
                                          "event-" + variant,
                                          Instant.parse("2019-11-30T23:59:59.999Z"));
                                  byte[] ours = encoder.encode(event);
                                  byte[] reference =
                                      ReferenceJcs.canonicalize(encoder.leafObject(event));
                                  assertThat(new String(ours, StandardCharsets.UTF_8))
                                      .isEqualTo(new String(reference, StandardCharsets.UTF_8));
                                  assertThat(ours).isEqualTo(reference);
                                })));
  }

  /** An instance of a record, every component filled by {@link #value}. */
  static Object sample(Class<?> record, int variant) throws ReflectiveOperationException {
    RecordComponent[] components = record.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(components[i].getGenericType(), variant + i);
    }
    var constructor = record.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return constructor.newInstance(args);
  }

  private static Object value(Type type, int variant) throws ReflectiveOperationException {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type element = p.getActualTypeArguments()[0];
      if (raw == List.class) {
        return List.of(value(element, variant), value(element, variant + 1));
      }
      if (raw == Set.class) {
        return Set.of(value(element, variant));
      }
      throw new IllegalArgumentException("no sample for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return TEXTS[variant % TEXTS.length];
    }
    if (c == BigDecimal.class) {
      return new BigDecimal(DECIMALS[variant % DECIMALS.length]);
    }
    if (c == LocalDate.class) {
      return LocalDate.of(2013, 5, 23).plusDays(variant * 997L);
    }
    if (c == Instant.class) {
      return Instant.parse("2015-07-17T10:15:30.123456789Z").plusSeconds(variant * 86_401L);
    }
    if (c == int.class || c == Integer.class) {
      return variant * 7;
    }
    if (c == long.class || c == Long.class) {
      return (1L << 53) - variant;
    }
    if (c == boolean.class || c == Boolean.class) {
      return variant % 2 == 0;
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[variant % constants.length];
    }
    if (c.isRecord()) {
      return sample(c, variant);
    }
    throw new IllegalArgumentException("no sample for " + c.getName());
  }
}
