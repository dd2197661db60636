/**
 * Custody over time and holdings as of any day, for a party or a declared stockpile, split before
 * and after the suspension of 23 May 2013.
 */
package org.kpledger.api.holdings;
