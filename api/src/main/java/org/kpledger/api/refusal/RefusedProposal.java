package org.kpledger.api.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A shipment proposal that a custody rule refused (the export gate at proposal, a licence, a parcel
 * not held): the shipment was never recorded, but the attempt is evidence.
 *
 * @param attemptId the refused attempt's id ({@code /api/refused-attempts})
 * @param actorId who proposed
 * @param organisationId for which organisation
 * @param refusedAt when it was refused
 * @param rule the rule that refused it
 * @param message why
 * @param exporterLicence the export licence it named
 * @param importer the importer it named ({@code name}, {@code country})
 * @param parcelIds the parcels it proposed to ship
 */
public record RefusedProposal(
    long attemptId,
    String actorId,
    String organisationId,
    Instant refusedAt,
    String rule,
    String message,
    String exporterLicence,
    JsonNode importer,
    List<String> parcelIds) {

  static RefusedProposal of(RefusedAttempt a) {
    JsonNode p = a.payload();
    return new RefusedProposal(
        a.id(),
        a.actorId(),
        a.organisationId(),
        a.refusedAt(),
        a.rule(),
        a.message(),
        p.path("exporterLicence").isTextual() ? p.path("exporterLicence").asText() : null,
        p.path("importer").isObject() ? p.path("importer") : null,
        java.util.stream.StreamSupport.stream(p.path("parcelIds").spliterator(), false)
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .toList());
  }
}
