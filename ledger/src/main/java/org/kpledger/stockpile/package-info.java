/**
 * Stockpiles: holdings declared at a date, such as those held in Bangui from before and after the
 * 2013 suspension (KP communiqué §44-54). Each declared item becomes a custody item; those acquired
 * on a day their zone is not recorded compliant (from the suspension until their zone's compliance,
 * or before the suspension where no earlier compliance is recorded), or undocumented, are
 * quarantined until a forensic-audit clearance (kp-facts rule 9).
 */
package org.kpledger.stockpile;
