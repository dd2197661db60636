package org.kpledger.generate;

import java.util.function.IntFunction;

/**
 * A stage of the year whose chains may all run at once, after every chain of the stage before has
 * finished (zones before sites, production before purchases, purchases before shipments). Chains
 * are built when needed, so a 10x plan never sits in memory whole.
 */
record Phase(String name, int chains, IntFunction<Chain> chain) {}
