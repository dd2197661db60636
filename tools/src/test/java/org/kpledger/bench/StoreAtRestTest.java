package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreAtRestTest {

  @Test
  void givenAFileThatStopsShrinking_whenAwaited_thenItsSettledDescriptionAfterTheStablePolls()
      throws Exception {
    Iterator<String> seen =
        List.of("900 MiB", "700 MiB", "500 MiB", "400 MiB", "400 MiB", "400 MiB", "never read")
            .iterator();
    AtomicInteger reads = new AtomicInteger();

    StoreAtRest.Rest rest =
        StoreAtRest.await(
            () -> {
              reads.incrementAndGet();
              return seen.next();
            },
            Duration.ZERO,
            2,
            Duration.ofMinutes(1));

    assertThat(rest.settled()).isTrue();
    assertThat(rest.state()).isEqualTo("400 MiB");
    assertThat(reads).as("stops at the second unchanged poll").hasValue(6);
    assertThat(rest.line("the file")).startsWith("at rest, ").endsWith(": the file");
  }

  @Test
  void givenAFileThatKeepsChanging_whenTheCeilingPasses_thenTheLastDescriptionNotSettled()
      throws Exception {
    AtomicInteger n = new AtomicInteger();

    StoreAtRest.Rest rest =
        StoreAtRest.await(
            () -> n.incrementAndGet() + " MiB", Duration.ofMillis(1), 3, Duration.ofMillis(30));

    assertThat(rest.settled()).isFalse();
    assertThat(rest.state()).isEqualTo(n.get() + " MiB");
    assertThat(rest.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    assertThat(rest.line("the file")).startsWith("not at rest ");
  }

  @Test
  void refusesNoStablePollsAndNegativeDurations() {
    assertThatThrownBy(() -> StoreAtRest.await(() -> "x", Duration.ZERO, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoreAtRest.await(() -> "x", Duration.ofMillis(-1), 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
