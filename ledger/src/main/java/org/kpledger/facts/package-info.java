/**
 * The Axon side of {@link org.kpledger.custody.CustodyFacts}: the facts one aggregate consults
 * about others, loaded from the event-sourced aggregates inside the current unit of work. Kept out
 * of {@code custody}, which every feature package depends on, because it depends on those features'
 * aggregates in turn.
 */
package org.kpledger.facts;
