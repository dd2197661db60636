package org.kpledger.api.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A validly signed command that a custody rule refused: who tried what, when, and why.
 *
 * @param id the attempt's number, rising in the order they were refused
 * @param commandId the envelope's command id
 * @param commandType the command type, e.g. {@code ProposeShipment}
 * @param actorId the signer (its certificate's CN)
 * @param organisationId the signer's organisation
 * @param role the signer's role
 * @param rule the custody rule that refused it (the 422 answer's {@code rule})
 * @param message why, as the 422 answer said it
 * @param refusedAt when the node refused it
 * @param payload the payload as signed (what was attempted)
 */
record RefusedAttempt(
    long id,
    String commandId,
    String commandType,
    String actorId,
    String organisationId,
    String role,
    String rule,
    String message,
    Instant refusedAt,
    JsonNode payload) {}
