package org.kpledger.api.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.refusal.RefusedAttemptQueries;
import org.kpledger.api.refusal.RefusedProposal;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.custody.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Monitoring Team's dossier of a shipment. */
@RestController
@Tag(name = "dossier")
class DossierController {
  private final DossierQuery dossiers;
  private final ShipmentQueries shipments;
  private final RefusedAttemptQueries proposals;
  private final ReadPolicy policy;

  DossierController(
      DossierQuery dossiers,
      ShipmentQueries shipments,
      RefusedAttemptQueries proposals,
      ReadPolicy policy) {
    this.dossiers = dossiers;
    this.proposals = proposals;
    this.shipments = shipments;
    this.policy = policy;
  }

  @GetMapping("/api/shipments/{shipmentId}/dossier")
  @Operation(
      summary =
          "Trace, gate verdicts, valuation, signatures, late entries and refused "
              + "attempts of a shipment (Monitoring Team, KP authority, auditors), bounded"
              + " whatever the lineage's size. gate holds every check of the parcels and every"
              + " failed check, gateRules the subjects checked, passed and failed per rule (each"
              + " origin's own checks are on the trace's pages). signatures holds"
              + " the shipment's and its certificate's signed steps; the steps of its whole lineage"
              + " are paged at signedLineage.path (/api/shipments/{shipmentId}/dossier/signatures);"
              + " refusedAttempts are the refused commands whose payload names the shipment, its"
              + " certificate or any item of its lineage; anomalyFlags are the anomaly flags"
              + " (/api/anomalies, over the whole history) on its lots, their miners and its"
              + " certificate. A shipment id"
              + " that exists only as refused proposals answers with those proposals"
              + " (refusedProposals) and the trace of the parcels they named. The gate is shown"
              + " as known now (gate, gatePasses) and as known at the shipment's last gate step"
              + " (gateKnownThen, gateAsKnownThen, gatePassedAsKnownThen); reevaluations names"
              + " the zone decisions or licence changes recorded later that changed a verdict")
  ShipmentDossier dossier(Actor reader, @PathVariable String shipmentId) {
    policy.requireOverseer(reader, "shipment dossiers");
    var shipment = shipments.find(shipmentId);
    if (shipment.isPresent()) {
      return dossiers.assemble(shipment.get(), reader);
    }
    List<RefusedProposal> refused = proposals.proposalsOf(shipmentId);
    if (refused.isEmpty()) {
      throw QueryRefusedException.notFound("shipmentId", "shipment " + shipmentId);
    }
    return dossiers.refusedOnly(shipmentId, refused, reader);
  }

  @GetMapping("/api/shipments/{shipmentId}/dossier/signatures")
  @Operation(
      summary =
          "The signed steps of a shipment's whole lineage, a page of aggregates at a time: the"
              + " shipment, its certificate, then every lot, stockpile item and parcel its trace"
              + " back walks (in id order), each with its events in order, their signers and the"
              + " envelopes exactly as signed (Monitoring Team, KP authority, auditors). page from"
              + " 0, size 1 to 500 aggregates (default 50); total counts the aggregates. 404 for"
              + " an unknown shipment or one that exists only as refused proposals (it has no"
              + " signed step)")
  Page<ShipmentDossier.SignedAggregate> signatures(
      Actor reader,
      @PathVariable String shipmentId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    policy.requireOverseer(reader, "shipment dossiers");
    PageRequest r = PageRequest.of(page, size);
    var shipment =
        shipments
            .find(shipmentId)
            .orElseThrow(
                () -> QueryRefusedException.notFound("shipmentId", "shipment " + shipmentId));
    return dossiers.signedSteps(shipment, r);
  }
}
