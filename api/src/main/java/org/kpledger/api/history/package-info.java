/**
 * The history of any aggregate, read from the event store with each event's signer and envelope.
 */
package org.kpledger.api.history;
