package org.kpledger.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The whole generated year as phases of chains of signed commands: a pure function of the seed, the
 * size, the id prefix and the year's last day. Each command's id is a name-based UUID of those and
 * the step's key, so submitting the plan again (after a crash, or twice) never records a command
 * twice: the node answers a known id from its receipt or refuses the reuse.
 */
final class YearPlan {
  final Country country;
  final long seed;
  final List<Phase> phases = new ArrayList<>();
  private final PlantedJumps jumps;

  YearPlan(long seed, double size, String prefix, LocalDate yearEnd, Identities ids) {
    this.seed = seed;
    this.country = new Country(prefix, Scale.of(size), yearEnd);
    PurchaseBook book = new PurchaseBook(country, seed);
    RegistryPlan registry = new RegistryPlan(country, ids, book);
    this.jumps = new PlantedJumps(country, book, seed);
    PurchasePlan purchases = new PurchasePlan(country, ids, book, registry, jumps);
    phases.addAll(registry.phases());
    phases.add(purchases.phase());
    phases.add(
        new ExportPlan(country, ids, book, purchases)
            .phase(new EnforcementPlan(country, ids, purchases)));
  }

  /** What this year plants for the anomaly flags and the certificate cross-check. */
  PlantedAnomalies planted() {
    return PlantedAnomalies.of(country, jumps);
  }

  /** The command id of a step: the same for the same seed, size, prefix and step. */
  String commandId(Step step) {
    String name =
        "kp-generate/"
            + country.prefix
            + "/"
            + seed
            + "/"
            + country.scale.size()
            + "/"
            + step.key();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** What the plan holds: steps per phase, and how many a rule must refuse. */
  record Totals(long steps, long refusals, List<Long> perPhase) {}

  Totals totals() {
    long steps = 0;
    long refusals = 0;
    List<Long> perPhase = new ArrayList<>();
    for (Phase p : phases) {
      long n = 0;
      for (int c = 0; c < p.chains(); c++) {
        for (Step s : p.chain().apply(c).steps()) {
          n++;
          refusals += s.refusal() == null ? 0 : 1;
        }
      }
      perPhase.add(n);
      steps += n;
    }
    return new Totals(steps, refusals, perPhase);
  }
}
