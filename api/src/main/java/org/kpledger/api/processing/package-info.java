/**
 * Where the node's tracking processors ({@code projections} and {@code anchoring}) read the event
 * store: a stream that, once an event is there, lingers a moment for more so that single commands
 * arriving one by one are processed, and committed, in fewer and larger batches.
 */
package org.kpledger.api.processing;
