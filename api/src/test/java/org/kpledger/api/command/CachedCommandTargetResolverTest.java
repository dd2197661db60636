package org.kpledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The cached resolver gives Axon's answer, or Axon's error, for every shape of command. */
class CachedCommandTargetResolverTest {

  private final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();
  private final AnnotationCommandTargetResolver axon =
      AnnotationCommandTargetResolver.builder().build();

  record OnComponent(@TargetAggregateIdentifier String parcelId, String note) {}

  static final class OnField {
    @TargetAggregateIdentifier private final Object lotId;

    @TargetAggregateVersion private final String version;

    OnField(Object lotId, String version) {
      this.lotId = lotId;
      this.version = version;
    }
  }

  static final class OnMethods {
    private final String id;
    private final Object version;

    OnMethods(String id, Object version) {
      this.id = id;
      this.version = version;
    }

    @TargetAggregateIdentifier
    String shipment() {
      return "shipment-" + id;
    }

    @TargetAggregateVersion
    Object expected() {
      return version;
    }
  }

  record Unmarked(String parcelId) {}

  static final class Throwing {
    @TargetAggregateIdentifier
    String id() {
      throw new IllegalStateException("no id today");
    }
  }

  @Test
  void givenEachShapeOfCommandWhenResolvedThenTheAnswerIsAxons() {
    List<Object> commands =
        List.of(
            new OnComponent("parcel-1", "n"),
            new OnField("lot-7", "3"),
            new OnField(42, null),
            new OnMethods("s1", 5),
            new OnMethods("s2", "12"),
            new OnMethods("s3", null));
    for (Object payload : commands) {
      VersionedAggregateIdentifier ours = cached.resolveTarget(message(payload));
      VersionedAggregateIdentifier theirs = axon.resolveTarget(message(payload));
      assertThat(ours).as("%s", payload).isEqualTo(theirs);
      assertThat(ours.getIdentifierValue()).isEqualTo(theirs.getIdentifierValue());
    }
    // and the same again: the second command of a class is read from what the first one found
    assertThat(cached.resolveTarget(message(new OnMethods("s4", 8L))))
        .isEqualTo(new VersionedAggregateIdentifier("shipment-s4", 8L));
  }

  @Test
  void givenACommandAxonRefusesWhenResolvedThenItIsRefusedWithAxonsWords() {
    List<Object> commands =
        List.of(
            new Unmarked("parcel-1"),
            new OnComponent(null, "n"),
            new OnField("lot-1", "three"),
            new OnMethods("s1", "v2"),
            new Throwing());
    for (Object payload : commands) {
      Throwable theirs = catchOf(() -> axon.resolveTarget(message(payload)));
      assertThat(theirs).as("Axon refuses %s", payload).isNotNull();
      assertThatThrownBy(() -> cached.resolveTarget(message(payload)))
          .as("%s", payload)
          .isInstanceOf(theirs.getClass())
          .hasMessage(theirs.getMessage());
    }
  }

  /**
   * Every command the node takes, each filled with stand-in values: the same target as Axon's, so
   * the cached members are the ones Axon would have found.
   */
  @Test
  void givenEveryCommandTheNodeTakesWhenResolvedThenTheTargetIsAxons() throws Exception {
    int compared = 0;
    for (CommandCatalog.Entry entry : CommandCatalog.all().values()) {
      Class<?> type = entry.payloadClass();
      assertThat(type.isRecord()).as("%s is a record", type).isTrue();
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = standIn(types[i], components[i].getName());
      }
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      Object payload = constructor.newInstance(values);
      Throwable theirError = catchOf(() -> axon.resolveTarget(message(payload)));
      if (theirError == null) {
        assertThat(cached.resolveTarget(message(payload)))
            .as(entry.type())
            .isEqualTo(axon.resolveTarget(message(payload)));
        compared++;
      } else {
        assertThatThrownBy(() -> cached.resolveTarget(message(payload)))
            .as(entry.type())
            .hasMessage(theirError.getMessage());
      }
    }
    assertThat(compared).as("commands with a target").isGreaterThan(20);
  }

  private static Object standIn(Class<?> type, String name) {
    if (type == String.class) {
      return name + "-1";
    }
    if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == LocalDate.class) {
      return LocalDate.of(2016, 3, 1);
    }
    if (type == Instant.class) {
      return Instant.parse("2016-03-01T10:00:00Z");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == Set.class) {
      return Set.of();
    }
    if (type == Map.class) {
      return Map.of();
    }
    return null;
  }

  private static CommandMessage<?> message(Object payload) {
    return GenericCommandMessage.asCommandMessage(payload);
  }

  private static Throwable catchOf(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
