package org.kpledger.api.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The write path's metrics: {@code kp.commands} (Prometheus {@code kp_commands_total}) counted by
 * {@code type} (a catalogue type, {@code unknown} when the envelope named none the node knows),
 * {@code outcome} ({@code accepted}, {@code refused}, {@code replayed}: answered from the receipt
 * of an earlier submission) and {@code rule} (the refusal's rule, {@code none} otherwise); and
 * {@code kp.signature.verify} ({@code kp_signature_verify_seconds}), the time of checking an
 * envelope's ECDSA signature. Tags take only catalogue types and rule codes, so the series stay
 * few; no id, actor or payload is ever a tag.
 */
@Component
class CommandMeter {
  private static final String UNKNOWN = "unknown";
  private static final String NONE = "none";
  private final MeterRegistry registry;
  private final Timer verify;

  CommandMeter(MeterRegistry registry) {
    this.registry = registry;
    this.verify =
        Timer.builder("kp.signature.verify")
            .description("Time to verify a command envelope's ECDSA P-256 signature")
            .publishPercentileHistogram()
            // a P-256 verification takes tenths of a millisecond: buckets from 20 µs to 20 ms
            .minimumExpectedValue(java.time.Duration.ofNanos(20_000))
            .maximumExpectedValue(java.time.Duration.ofMillis(20))
            .register(registry);
  }

  /** Verifies a signature and records how long it took. */
  <T> T timeVerify(Supplier<T> check) {
    long start = System.nanoTime();
    try {
      return check.get();
    } finally {
      verify.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  void accepted(String type) {
    count(type, "accepted", NONE);
  }

  void refused(String type, String rule) {
    count(type, "refused", rule == null ? UNKNOWN : rule);
  }

  void replayed(String type) {
    count(type, "replayed", NONE);
  }

  private void count(String type, String outcome, String rule) {
    Counter.builder("kp.commands")
        .description("Commands submitted, by type, outcome and refusal rule")
        .tag("type", type != null && CommandCatalog.find(type).isPresent() ? type : UNKNOWN)
        .tag("outcome", outcome)
        .tag("rule", rule)
        .register(registry)
        .increment();
  }
}
