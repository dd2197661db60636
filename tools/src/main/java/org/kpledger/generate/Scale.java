package org.kpledger.generate;

/**
 * How big a generated year is. At size 1, the Central African Republic's order of magnitude (issue
 * #3): 1,000 miners, 250 collectors, 10 buying offices, 300 sites, 100,000 purchase slips and 50
 * shipments; 10 is ten times that. Small sizes keep a floor so every kind of act still occurs.
 */
record Scale(
    double size, int offices, int collectors, int miners, int sites, int slips, int shipments) {

  static Scale of(double size) {
    if (!(size > 0) || size > 100) {
      throw new IllegalArgumentException("size must be above 0 and at most 100, not " + size);
    }
    int offices = Math.max(2, (int) Math.round(10 * size));
    return new Scale(
        size,
        offices,
        Math.max(2 * offices, (int) Math.round(250 * size)),
        Math.max(20, (int) Math.round(1000 * size)),
        Math.max(6, (int) Math.round(300 * size)),
        Math.max(300, (int) Math.round(100_000 * size)),
        Math.max(6, (int) Math.round(50 * size)));
  }

  /** Confiscations: one in 25 collectors, at least three (forfeited, returned, pending). */
  int confiscations() {
    return Math.max(3, collectors / 25);
  }
}
