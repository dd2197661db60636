/**
 * {@code kp generate}: a synthetic country-year at CAR scale, submitted as signed commands over
 * HTTP like any client's, so its output is a real ledger. The plan is a pure function of (seed,
 * size): every command id is derived from them, so a resumed or repeated run never duplicates
 * anything. The year plants anomalies for the flags and the certificate cross-check of issue #19
 * (mispriced slips, a site declaring its year in bulk, purchase jumps, certificates never confirmed
 * or confirmed with a mismatch) and lists them in {@code <state>/planted.json} ({@link
 * org.kpledger.generate.PlantedAnomalies}).
 */
package org.kpledger.generate;
