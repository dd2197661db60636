/**
 * {@code kp generate}: a synthetic country-year at CAR scale, submitted as signed commands over
 * HTTP like any client's, so its output is a real ledger. The plan is a pure function of (seed,
 * size): every command id is derived from them, so a resumed or repeated run never duplicates
 * anything.
 */
package org.kpledger.generate;
