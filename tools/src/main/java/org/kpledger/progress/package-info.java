/**
 * Progress of the long work a person runs by hand ({@code kp generate}, {@code kp bench}, {@code kp
 * verify}, {@code kp audit export}, the demo load): on stderr only, in place on a terminal, plain
 * periodic lines in a log. Used by the command line, the generator and the benchmarks, never by the
 * node; it depends on nothing of theirs, so none of them forms a cycle through it.
 */
package org.kpledger.progress;
