/**
 * Stockpiles: holdings declared at a date, such as those held in Bangui from before and after the
 * 2013 suspension (KP communiqué §44-54). Each declared item becomes a custody item; those acquired
 * from the suspension until their zone's compliance, or undocumented, are quarantined until a
 * forensic-audit clearance (kp-facts rule 9).
 */
package org.kpledger.stockpile;
