/**
 * Anomaly flags for the Monitoring Team, in the spirit of the KP's data anomaly work (kp-facts §4)
 * and its valuation checks (§3, rule 10): a purchase whose value per carat lies outside the
 * distribution of its zone and quarter, a miner whose purchases jump against their own history, a
 * site selling far more in a quarter than it recorded as produced in it, a certificate without an
 * import confirmation after a set delay. A flag is a question with its reasons, never a verdict or
 * a correction: the custody rules stay in {@code ledger}.
 */
package org.kpledger.api.anomaly;
