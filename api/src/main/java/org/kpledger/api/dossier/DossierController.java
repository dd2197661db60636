package org.kpledger.api.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kpledger.api.access.QueryRefusedException;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.custody.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Monitoring Team's dossier of a shipment. */
@RestController
@Tag(name = "dossier")
class DossierController {
  private final DossierQuery dossiers;
  private final ShipmentQueries shipments;
  private final ReadPolicy policy;

  DossierController(DossierQuery dossiers, ShipmentQueries shipments, ReadPolicy policy) {
    this.dossiers = dossiers;
    this.shipments = shipments;
    this.policy = policy;
  }

  @GetMapping("/api/shipments/{shipmentId}/dossier")
  @Operation(
      summary =
          "Trace, gate verdicts, valuation, signatures, late entries and refused "
              + "attempts of a shipment (Monitoring Team, KP authority, auditors)")
  ShipmentDossier dossier(Actor reader, @PathVariable String shipmentId) {
    policy.requireOverseer(reader, "shipment dossiers");
    return dossiers.assemble(
        shipments
            .find(shipmentId)
            .orElseThrow(
                () -> QueryRefusedException.notFound("shipmentId", "shipment " + shipmentId)),
        reader);
  }
}
