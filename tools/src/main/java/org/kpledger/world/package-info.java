/**
 * The CAR world the tools build a ledger in, shared by the demo ({@code kp serve --demo}, {@code kp
 * demo}), the generator ({@code kp generate}) and the benchmarks ({@code kp bench}): its
 * organisations, each with its own CA, and their actors, each with a key and a certificate from
 * that CA. Only CA certificates go to the node's trust directory, as an operator enrolling an
 * organisation would; keys stay where they were made.
 */
package org.kpledger.world;
