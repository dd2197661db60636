package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When the quiet passes rest: after ten passes in a row, five seconds at least, that neither raise
 * the chunks' fill rate nor shrink the file, until the database writes again.
 */
class QuietPassesTest {
  private static final long MIB = 1 << 20;
  private static final long FILE = 530 * MIB;

  private final QuietPasses passes = new QuietPasses(10, Duration.ofSeconds(5), MIB, 8 * MIB);
  private long now;

  @Test
  void givenQuietPassesThatKeepRaisingTheFillRateThenThePassesNeverRest() {
    for (int i = 0; i < 40; i++) {
      assertThat(passes.resting(0)).as("before pass %d", i).isFalse();
      passes.afterPass(true, 40 + i, FILE, 0, tick());
    }
    assertThat(passes.resting(0)).isFalse();
  }

  @Test
  void givenQuietPassesWhoseFillRateSwingsUnderItsHighWhenTenInARowGainNothingThenThePassesRest() {
    passes.afterPass(true, 76, FILE, 0, tick());
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 75 + i % 2, FILE + (i % 3) * MIB / 2, 0, tick());
      assertThat(passes.resting(0)).as("after %d passes without a gain", i + 1).isFalse();
    }

    passes.afterPass(true, 75, FILE, 0, tick());

    assertThat(passes.resting(0)).as("after 10 passes without a gain").isTrue();
    assertThat(passes.resting(8 * MIB - 1)).as("the database wrote under 8 MiB since").isTrue();
  }

  @Test
  void aPassThatRaisesTheFillRateAboveItsHighStartsTheCountAgain() {
    passes.afterPass(true, 70, FILE, 0, tick());
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 70, FILE, 0, tick());
    }
    passes.afterPass(true, 71, FILE, 0, tick());
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 71, FILE, 0, tick());
    }
    assertThat(passes.resting(0)).isFalse();

    passes.afterPass(true, 71, FILE, 0, tick());

    assertThat(passes.resting(0)).isTrue();
  }

  @Test
  void aPassThatShrinksTheFileByAtLeastShrinkBytesGainsAndOneThatShrinksItLessDoesNot() {
    passes.afterPass(true, 76, FILE, 0, tick());
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 76, FILE - (i + 1) * MIB, 0, tick());
    }
    assertThat(passes.resting(0)).as("nine passes shrinking the file by 1 MiB each").isFalse();
    for (int i = 0; i < 10; i++) {
      passes.afterPass(true, 76, FILE - 9 * MIB - (i + 1) * (MIB / 4), 0, tick());
    }
    assertThat(passes.resting(0)).as("ten passes shrinking it by a quarter MiB each").isTrue();
  }

  @Test
  void givenRestingPassesWhenTheDatabaseWritesWakeBytesThenANewStretchBegins() {
    for (int i = 0; i < 11; i++) {
      passes.afterPass(true, 76, FILE, 100 * MIB, tick());
    }
    assertThat(passes.resting(100 * MIB + 8 * MIB - 1)).isTrue();

    assertThat(passes.resting(100 * MIB + 8 * MIB)).as("8 MiB written since the rest").isFalse();

    // a new stretch: the old high no longer counts, and ten more passes without a gain are needed
    passes.afterPass(true, 60, FILE, 108 * MIB, tick());
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 60, FILE, 108 * MIB, tick());
      assertThat(passes.resting(108 * MIB)).isFalse();
    }
    passes.afterPass(true, 60, FILE, 108 * MIB, tick());
    assertThat(passes.resting(108 * MIB)).isTrue();
  }

  @Test
  void aPassUnderLoadStartsTheCountAgainAndIsNeverJudged() {
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 76, FILE, 0, tick());
    }
    passes.afterPass(false, 60, 2 * FILE, 50 * MIB, tick());
    for (int i = 0; i < 30; i++) {
      passes.afterPass(false, 60, 2 * FILE, 50 * MIB, tick());
    }
    assertThat(passes.resting(50 * MIB)).as("passes under load").isFalse();
    for (int i = 0; i < 9; i++) {
      passes.afterPass(true, 60, 2 * FILE, 50 * MIB, tick());
    }
    assertThat(passes.resting(50 * MIB)).as("nine quiet passes since the load").isFalse();
  }

  /**
   * A chunk a pass empties stays counted as dead for H2's retention time: passes run back to back
   * cannot gain within it, and do not rest before the time has passed.
   */
  @Test
  void givenTenPassesWithoutAGainInLessThanTheTimeThenThePassesRestOnlyOnceTheTimeHasPassed() {
    QuietPasses backToBack = new QuietPasses(10, Duration.ofSeconds(5), MIB, 8 * MIB);
    long t = 1_000_000_000L;
    backToBack.afterPass(true, 8, FILE, 0, t);
    for (int i = 1; i <= 40; i++) {
      backToBack.afterPass(true, 8, FILE, 0, t + i * 100_000_000L);
    }
    assertThat(backToBack.resting(0)).as("40 passes in 4 s").isFalse();

    backToBack.afterPass(true, 8, FILE, 0, t + 5_000_000_000L);

    assertThat(backToBack.resting(0)).as("41 passes in 5 s").isTrue();
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new QuietPasses(0, Duration.ZERO, MIB, MIB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuietPasses(10, Duration.ofSeconds(-1), MIB, MIB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuietPasses(10, Duration.ZERO, -1, MIB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuietPasses(10, Duration.ZERO, MIB, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The clock of the passes: one a second, as on the node. */
  private long tick() {
    now += 1_000_000_000L;
    return now;
  }
}
