/**
 * The signed envelope of each accepted command, stored once per command (table {@code
 * command_envelope}, Flyway {@code V2}) while its events carry only the envelope's SHA-256 and
 * become leaves of format {@code kp-ledger/leaf/v2}; {@code kp.leaf-format=v1} keeps the envelope
 * in every event as before. Readers of an event's envelope (history, dossier, audit bundles) find
 * it here by command id.
 */
package org.kpledger.api.envelope;
