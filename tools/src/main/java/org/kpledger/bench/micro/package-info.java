/**
 * JMH micro-benchmarks of the per-command and per-event work of the node, on a signed purchase slip
 * built as the ingest benchmark builds it ({@link org.kpledger.bench.PurchaseSample}): ECDSA P-256
 * verification by provider, RFC 8785 canonicalisation, the envelope check without HTTP or Axon, and
 * the anchoring processor's leaf hash and Merkle append. Run them with {@code bin/kp bench micro}
 * ({@link org.kpledger.bench.micro.MicroBenchmarks}).
 *
 * <p>Benchmark and state classes, their {@code @Setup} and {@code @Benchmark} methods and their
 * {@code @Param} fields are public because JMH's generated code (in {@code jmh_generated}) calls
 * them from another package. Each benchmark returns its result so JMH consumes it (no dead-code
 * elimination), and its setup checks that the operation succeeds on the input, so a benchmark never
 * times a failure path.
 */
package org.kpledger.bench.micro;
