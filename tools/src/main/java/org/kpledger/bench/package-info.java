/**
 * Benchmark programs (not tests): they start a node on a fresh H2 file database, drive it, and
 * print figures with the machine they ran on. {@link org.kpledger.bench.PurchaseSample} gives the
 * JMH micro-benchmarks of {@code org.kpledger.bench.micro} the same signed input.
 */
package org.kpledger.bench;
