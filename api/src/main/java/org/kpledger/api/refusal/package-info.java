/**
 * Refused attempts read back: the write path keeps every validly signed command that a custody rule
 * refused ({@code refused_attempt}); this package lists them (Monitoring Team, KP authority and
 * auditors all; any other organisation its own) and finds the shipment proposals that were refused,
 * so a shipment id that exists only as refused proposals still has a dossier and a trace.
 */
package org.kpledger.api.refusal;
