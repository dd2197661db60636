package org.kpledger.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every micro-benchmark body runs once, untimed, on its real input, so a change to the ledger that
 * breaks a benchmark fails the build instead of the next benchmark run; and the annotation
 * processor really generated the list the packaged jar's JMH reads.
 */
class MicroBenchmarksTest {

  @ParameterizedTest
  @ValueSource(strings = {"kp", "BC", "SunEC"})
  void everyProviderVerifiesThePurchaseSlipsSignature(String provider) throws Exception {
    EcdsaVerifyBenchmark benchmark = new EcdsaVerifyBenchmark();
    benchmark.provider = provider;
    benchmark.setUp();
    assertThat(benchmark.verify()).isTrue();
  }

  @Test
  void bothCanonicalisersGiveTheSigningInput() throws IOException {
    CanonicalJsonBenchmark benchmark = new CanonicalJsonBenchmark();
    benchmark.setUp();
    assertThat(benchmark.ledger()).isEqualTo(benchmark.reference()).isNotEmpty();
  }

  @Test
  void theEnvelopeCheckAuthenticatesTheCollector() throws IOException {
    EnvelopeCheckBenchmark benchmark = new EnvelopeCheckBenchmark();
    benchmark.setUp();
    assertThat(benchmark.check().actorId()).isEqualTo("bench-col-0");
  }

  @Test
  void theStoredEventHasALeafHashAndLeavesAppendInOrder() throws IOException {
    AnchoringBenchmark benchmark = new AnchoringBenchmark();
    benchmark.setUp();
    benchmark.emptyLog();
    assertThat(benchmark.leafHash()).hasSize(32);
    assertThat(benchmark.append()).isZero();
    assertThat(benchmark.append()).isEqualTo(1);
  }

  @Test
  void theAnnotationProcessorListedEveryBenchmark() throws IOException {
    StringBuilder lists = new StringBuilder();
    for (URL url :
        Collections.list(getClass().getClassLoader().getResources("META-INF/BenchmarkList"))) {
      try (InputStream in = url.openStream()) {
        lists.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(lists.toString())
        .contains(
            "EcdsaVerifyBenchmark_verify_jmhTest",
            "CanonicalJsonBenchmark_ledger_jmhTest",
            "CanonicalJsonBenchmark_reference_jmhTest",
            "EnvelopeCheckBenchmark_check_jmhTest",
            "AnchoringBenchmark_leafHash_jmhTest",
            "AnchoringBenchmark_append_jmhTest");
  }
}
