package org.kpledger.api.shipment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An export shipment as the shipments projection holds it.
 *
 * @param status PROPOSED, APPROVED, REJECTED, CERTIFIED or EXPORTED
 * @param valueUsd the sum of its parcels' valuations
 * @param decisionRef the Monitoring Team's approval reference, if approved
 */
public record ShipmentRow(
    String shipmentId,
    String exporter,
    String exporterLicence,
    String importerName,
    String importerCountry,
    BigDecimal carats,
    BigDecimal valueUsd,
    LocalDate proposedOn,
    String status,
    String decisionRef,
    String rejectionReason,
    String certificateNumber,
    LocalDate exportedOn,
    List<String> parcelIds) {}
