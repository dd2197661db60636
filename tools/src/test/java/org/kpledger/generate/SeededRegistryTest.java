package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry a generated year stands on (zones with their decisions, sites, licences, miners, and
 * each miner's production) is a pure function of the seed, the size, the prefix and the year's last
 * day, and its commands are pinned here by digest: every step of the three registry phases, its
 * key, command id, signer, type, payload and expected refusal. The digests were taken from the
 * generator's own registry script before the script moved to {@code org.kpledger.world} (issue
 * #18), so a change to the world script that changes one generated command fails here.
 *
 * <p>Production is digested apart: it follows the purchase book (the register shows a little more
 * than was sold), so a change to the purchases, such as a newly planted anomaly, moves that digest
 * and no other; take the new value from the failure then, after checking the change was meant.
 */
class SeededRegistryTest {
  private static final LocalDate YEAR_END = LocalDate.of(2026, 6, 30);
  private static final int REGISTRY_PHASES = 3;

  @ParameterizedTest(name = "seed {0}, size {1}")
  @CsvSource({
    "7, 0.005, GA, 110:dfe1e04500b41968e8c71c739281e10ec7db6708a06ff284d03f0cc6e2d3dbff",
    "20260630, 0.2, CAR, 570:3074d6440b9d72064d99ba6a219b2b2c988ad5b76985cf7e63ef843d8cc42608",
  })
  void theRegistrationCommandsOfASeededYearAreUnchanged(
      long seed, double size, String prefix, String digest) {
    assertThat(registryDigest(seed, size, prefix, s -> !s.type().equals("RecordProduction")))
        .isEqualTo(digest);
  }

  @ParameterizedTest(name = "seed {0}, size {1}")
  @CsvSource({
    "7, 0.005, GA, 66:84d07b55082846fbf7991b74d7ff06775bc2087ad0b98b4251c5e94fe24ac56d",
    "20260630, 0.2, CAR, 778:601020f3a54fb1da651e6272f7290165f8bc361d728e0d9c71e99db7e96fb408",
  })
  void theProductionRecordsOfASeededYearAreUnchanged(
      long seed, double size, String prefix, String digest) {
    assertThat(registryDigest(seed, size, prefix, s -> s.type().equals("RecordProduction")))
        .isEqualTo(digest);
  }

  private static String registryDigest(
      long seed, double size, String prefix, Predicate<Step> which) {
    YearPlan plan = new YearPlan(seed, size, prefix, YEAR_END, Identities.named(prefix));
    MessageDigest sha256 = sha256();
    long steps = 0;
    for (Phase phase : plan.phases.subList(0, REGISTRY_PHASES)) {
      for (int c = 0; c < phase.chains(); c++) {
        for (Step s : phase.chain().apply(c).steps()) {
          if (which.test(s)) {
            String line =
                String.join(
                    "\t",
                    phase.name(),
                    s.key(),
                    plan.commandId(s),
                    s.actor(),
                    s.type(),
                    s.payload().toString(),
                    String.valueOf(s.refusal()));
            sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            steps++;
          }
        }
      }
    }
    assertThat(steps).as("steps digested").isPositive();
    return steps + ":" + HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
