package org.kpledger.api.command;

import org.kpledger.custody.Actor;

/**
 * A command whose envelope passed every check: its payload as a command object, the actor who
 * signed it, and what the ledger keeps of the envelope.
 *
 * @param envelopeJson the envelope exactly as received
 * @param bodyHash hex SHA-256 of the envelope's canonical signing input
 */
record VerifiedCommand(
    String commandType,
    String commandId,
    Object payload,
    Actor actor,
    String envelopeJson,
    String bodyHash) {}
