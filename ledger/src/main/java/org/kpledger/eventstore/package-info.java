/**
 * How the event store keeps an event's JSON: {@link org.kpledger.eventstore.PackedJson}, the packed
 * form of a payload or metadata value and its reading, shared by the node's storage engine and
 * every reader of the event table.
 */
package org.kpledger.eventstore;
