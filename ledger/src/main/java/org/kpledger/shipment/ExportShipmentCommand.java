package org.kpledger.shipment;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;

/**
 * The exporter ships a certified shipment.
 *
 * @param fieldDate the day (Bangui) the shipment left; optional, the record day when absent; not
 *     after the record day, not before the proposal's field date; the exporter's licence and the
 *     certificate's validity are judged on it ({@link org.kpledger.custody.FieldDate})
 */
public record ExportShipmentCommand(@NotBlank String shipmentId, LocalDate fieldDate) {}
