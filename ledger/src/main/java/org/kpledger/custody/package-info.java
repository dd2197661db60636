/**
 * What every custody feature shares: the acting {@link org.kpledger.custody.Actor} taken from the
 * verified envelope, the rule violation every refusal raises, carat arithmetic, the ledger's
 * calendar, and the read port ({@link org.kpledger.custody.CustodyFacts}) through which one
 * aggregate consults the event-sourced state of others inside the same unit of work.
 */
package org.kpledger.custody;
