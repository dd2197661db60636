package org.kpledger.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.kpledger.api.command.CommandCatalog;
import org.kpledger.api.fabric.certificate.CertificateRegistrar;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Package-private by default (issue #18): controllers, projections, internal commands and the
 * handlers that send them are not public where the language allows it. A type stays public only
 * when a class of another package uses it (Java then leaves no choice); everything else a feature
 * keeps to itself. The node's and the ledger's main classes are read together, so a ledger type the
 * node uses counts as used from another package.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class VisibilityRulesTest {

  /**
   * Public although no main class of another package uses it: the tools module's {@code
   * CertificateChannelFabricIT} builds a registrar against the live channel, which needs the type
   * and its constructor.
   */
  private static final Set<Class<?>> USED_BY_THE_TOOLS_MODULE = Set.of(CertificateRegistrar.class);

  /** Spring and springdoc find controllers and advice by annotation, whatever their visibility. */
  @ArchTest
  static final ArchRule controllersAreNotPublic =
      classes()
          .that()
          .areMetaAnnotatedWith(Controller.class)
          .or()
          .areMetaAnnotatedWith(ControllerAdvice.class)
          .should()
          .notBePublic()
          .because("a controller is reached over HTTP, never from another class (issue #18)");

  /**
   * A projection (an event handler or a processing group) is driven by Axon; it is public only
   * where another package wires or extends it (the anchoring processor, the JDBC projection base).
   */
  @ArchTest
  static final ArchRule projectionsArePublicOnlyWhereAnotherPackageUsesThem =
      classes()
          .that(areProjections())
          .and(describe("not used by the tools module", c -> !usedByTheTools(c)))
          .should(bePublicOnlyWhereAnotherPackageUsesThem())
          .because("Axon calls event handlers reflectively (issue #18)");

  /**
   * An internal command (a ledger command no client may sign, absent from {@link CommandCatalog})
   * is sent between aggregates through {@code InternalCommands}: public only where the sender sits
   * in another package than the aggregate that handles it.
   */
  @ArchTest
  static final ArchRule internalCommandsArePublicOnlyWhereAnotherPackageSendsThem =
      classes()
          .that(areInternalCommands())
          .should(bePublicOnlyWhereAnotherPackageUsesThem())
          .because("a client cannot sign them, and no other feature needs them (issue #18)");

  /**
   * A class that handles commands (an aggregate or an orchestrating handler) is public only where
   * another package registers it with Axon (the node's custody configuration does so for each).
   */
  @ArchTest
  static final ArchRule commandHandlersArePublicOnlyWhereAnotherPackageRegistersThem =
      classes()
          .that(
              describe(
                  "handle commands",
                  c ->
                      c.getAllMembers().stream()
                          .anyMatch(m -> m.isAnnotatedWith(CommandHandler.class))))
          .should(bePublicOnlyWhereAnotherPackageUsesThem())
          .because("Axon calls command handlers reflectively (issue #18)");

  /**
   * A response record (a record a controller's method returns, alone or inside a generic type such
   * as a page) is read by Jackson and springdoc through reflection, whatever its visibility: public
   * only where a class of another package uses it (a query of another feature, an audit bundle).
   * The command and problem packages' records are left to their own review.
   */
  @ArchTest
  static final ArchRule responseRecordsArePublicOnlyWhereAnotherPackageUsesThem =
      classes()
          .that(areResponseRecords())
          .and()
          .resideOutsideOfPackages("org.kpledger.api.command..", "org.kpledger.api.problem..")
          .should(bePublicOnlyWhereAnotherPackageUsesThem())
          .because("springdoc and Jackson read response types by reflection (issue #18)");

  /**
   * Records of the node that a controller of their own package returns (its raw return type or a
   * type argument of it, at any depth: {@code Page<RefusedAttempt>}, {@code
   * StatisticsReport<ProductionRow>}), and the records of that package they are made of ({@code
   * Holdings} of {@code HeldItem}s). A record returned only by another package's controller is
   * public by necessity, so the rule need not look there.
   */
  private static DescribedPredicate<JavaClass> areResponseRecords() {
    return describe(
        "are records a controller of their package returns, or parts of those",
        c ->
            c.isRecord()
                && c.getPackageName().startsWith("org.kpledger.api")
                && responseRecordsOf(c.getPackage()).contains(c.getName()));
  }

  private static Set<String> responseRecordsOf(JavaPackage p) {
    Deque<JavaClass> todo = new ArrayDeque<>();
    p.getClasses().stream()
        .filter(c -> c.isMetaAnnotatedWith(Controller.class))
        .flatMap(c -> c.getMethods().stream())
        .forEach(m -> todo.addAll(m.getReturnType().getAllInvolvedRawTypes()));
    Set<String> found = new HashSet<>();
    while (!todo.isEmpty()) {
      JavaClass t = todo.pop();
      if (t.isRecord() && t.getPackageName().equals(p.getName()) && found.add(t.getName())) {
        t.getFields().stream()
            .filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
            .forEach(f -> todo.addAll(f.getType().getAllInvolvedRawTypes()));
      }
    }
    return found;
  }

  private static DescribedPredicate<JavaClass> areProjections() {
    return describe(
        "are projections (annotated @ProcessingGroup or holding an @EventHandler)",
        c ->
            c.isAnnotatedWith(ProcessingGroup.class)
                || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(EventHandler.class)));
  }

  private static DescribedPredicate<JavaClass> areInternalCommands() {
    Set<String> signable =
        CommandCatalog.all().values().stream()
            .map(e -> e.payloadClass().getName())
            .collect(Collectors.toSet());
    return describe(
        "are ledger commands absent from the CommandCatalog",
        c ->
            !c.getPackageName().startsWith("org.kpledger.api")
                && c.getSimpleName().endsWith("Command")
                && c.isRecord()
                && !signable.contains(c.getName()));
  }

  private static boolean usedByTheTools(JavaClass c) {
    return USED_BY_THE_TOOLS_MODULE.stream().anyMatch(c::isEquivalentTo);
  }

  /** Whether {@code inner} is {@code outer} or nested in it at any depth. */
  private static boolean encloses(JavaClass outer, JavaClass inner) {
    for (JavaClass c = inner; c != null; c = c.getEnclosingClass().orElse(null)) {
      if (c.equals(outer)) {
        return true;
      }
    }
    return false;
  }

  /** A public type is used by at least one class of another package; else it is package-private. */
  static ArchCondition<JavaClass> bePublicOnlyWhereAnotherPackageUsesThem() {
    return new ArchCondition<>("be public only where a class of another package uses them") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
          return;
        }
        // a nested type used elsewhere needs its enclosing type public too
        boolean usedElsewhere =
            type.getPackage().getClasses().stream()
                .filter(c -> encloses(type, c))
                .flatMap(c -> c.getDirectDependenciesToSelf().stream())
                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
        if (!usedElsewhere) {
          events.add(
              SimpleConditionEvent.violated(
                  type,
                  type.getName()
                      + " is public, but no class outside "
                      + type.getPackageName()
                      + " uses it: make it package-private"));
        }
      }
    };
  }
}
