/**
 * Benchmark programs (not tests): they start a node on a fresh H2 file database, drive it, and
 * print figures with the machine they ran on.
 */
package org.kpledger.bench;
