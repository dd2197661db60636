package org.kpledger.api.command;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which aggregate a command targets: Axon's {@link AnnotationCommandTargetResolver}, its search for
 * the annotated members done once per command class instead of at every command.
 *
 * <p>Axon's resolver walks the payload class's methods, then its fields, reading each one's
 * annotations and their meta-annotations, for {@code @TargetAggregateIdentifier} and again for
 * {@code @TargetAggregateVersion}, at every command: 7.6 % of the request threads' CPU samples on
 * batches of 25 on PostgreSQL (JFR, 7 Dec 2026), inside the section where batches are written one
 * at a time. This one finds the same members the same way (Axon's {@link
 * ReflectionUtils#methodsOf}, then {@link ReflectionUtils#fieldsOf}, {@link
 * AnnotationUtils#isAnnotationPresent}), once per class, and reads them at every command with
 * Axon's answers and Axon's errors.
 *
 * <p>A bean, so Axon's aggregate configuration (which asks the configuration for a {@link
 * CommandTargetResolver} before making its own) gives it to every aggregate.
 */
@Component
public final class CachedCommandTargetResolver implements CommandTargetResolver {

  private static final ClassValue<Targets> TARGETS =
      new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> type) {
          return new Targets(
              find(type, TargetAggregateIdentifier.class),
              find(type, TargetAggregateVersion.class));
        }
      };

  @Override
  public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
    Targets targets = TARGETS.get(command.getPayloadType());
    Object identifier;
    Long version;
    try {
      identifier = read(targets.identifier(), command.getPayload());
      version = asLong(read(targets.version(), command.getPayload()));
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "An exception occurred while extracting aggregate information form a command", e);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "The current security context does not allow extraction of aggregate information from"
              + " the given command.",
          e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The value provided for the version is not a number.", e);
    }
    if (identifier == null) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid command. It does not identify the target aggregate. Make sure at least one"
                  + " of the fields or methods in the [%s] class contains the"
                  + " @TargetAggregateIdentifier annotation and that it returns a non-null value.",
              command.getPayloadType().getSimpleName()));
    }
    return new VersionedAggregateIdentifier(identifier, version);
  }

  /** The first method, else the first field, carrying the annotation, in Axon's order; or null. */
  private static Member find(Class<?> type, Class<? extends Annotation> annotation) {
    for (Method method : ReflectionUtils.methodsOf(type)) {
      if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
        return ReflectionUtils.ensureAccessible(method);
      }
    }
    for (Field field : ReflectionUtils.fieldsOf(type)) {
      if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
        return field;
      }
    }
    return null;
  }

  private static Object read(Member member, Object payload)
      throws InvocationTargetException, IllegalAccessException {
    if (member instanceof Method method) {
      return method.invoke(payload);
    }
    if (member instanceof Field field) {
      return ReflectionUtils.getFieldValue(field, payload);
    }
    return null;
  }

  private static Long asLong(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    return Long.parseLong(value.toString());
  }

  /** A command class's members that name its target aggregate and expected version (or null). */
  private record Targets(Member identifier, Member version) {}
}
