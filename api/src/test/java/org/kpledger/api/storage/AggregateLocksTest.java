package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.axonframework.common.lock.Lock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The parts of {@link AggregateLocks} that need no second node ({@code CrossNodeReadIT} runs two):
 * the key every node derives alike, the settings it refuses, and Axon's lock when the node owns its
 * database.
 */
class AggregateLocksTest {

  @Test
  void theKeyIsTheFirstEightBytesOfTheSha256OfThePrefixedIdInUtf8() {
    // computed apart from this code: Python's hashlib.sha256(b"kp.aggregate-lock:" + id), the
    // first 8 bytes read as a big-endian signed 64-bit integer
    assertThat(AggregateLocks.key("CAR-BERBERATI")).isEqualTo(-2219469104648992143L);
    assertThat(AggregateLocks.key("Sangha-Mbaéré")).isEqualTo(80779373701815589L);
    assertThat(AggregateLocks.key("CAR-BERBERATI")).isNotEqualTo(AggregateLocks.key("CAR-BODA"));
  }

  @Test
  void aTimeoutOutsideWhatTheDatabaseTakesIsRefused() {
    JdbcTemplate unused = new JdbcTemplate();
    assertThatThrownBy(() -> AggregateLocks.acrossNodes(unused, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kp.multi-node-lock-timeout");
    assertThatThrownBy(() -> AggregateLocks.acrossNodes(unused, Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AggregateLocks.acrossNodes(unused, Duration.ofSeconds(5)).acrossNodes()).isTrue();
  }

  @Test
  void aNodeThatOwnsItsDatabaseTakesAxonsLockOnly() throws Exception {
    AggregateLocks locks = AggregateLocks.inThisProcess();
    assertThat(locks.acrossNodes()).isFalse();
    Lock held = locks.obtainLock("CAR-BERBERATI");
    assertThat(held.isHeld()).isTrue();
    Thread other =
        new Thread(
            () -> {
              Lock second = locks.obtainLock("CAR-BERBERATI");
              second.release();
            });
    other.start();
    // Axon's lock makes another thread wait while this one holds it
    waitUntil(
        () ->
            other.getState() == Thread.State.WAITING
                || other.getState() == Thread.State.TIMED_WAITING);
    assertThat(other.isAlive()).isTrue();
    held.release();
    other.join(60_000);
    assertThat(other.isAlive()).isFalse();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
