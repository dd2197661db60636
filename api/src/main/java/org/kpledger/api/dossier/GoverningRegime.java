package org.kpledger.api.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.shipment.ExportRegime;
import org.kpledger.shipment.ShipmentCertifiedEvent;

/**
 * The export regime ({@link ExportRegime}) that governed a shipment's certification: the one in
 * force on the day the ledger recorded the certification, or, for a shipment not yet certified, the
 * one a certification today would be judged under.
 *
 * @param regime {@code PRIOR_APPROVAL} (the Monitoring Team approves before the certificate) or
 *     {@code CERTIFICATE_FIRST} (the certificate may come first; monthly reporting and the
 *     import-confirmation cross-check)
 * @param effectiveFrom the first day the regime governs
 * @param priorApprovalRequired whether the certificate needed the Monitoring Team's approval first
 * @param judgedOn the day that decided (Bangui)
 * @param basis {@code CERTIFICATION} (the certification's record day) or {@code NOT_YET_CERTIFIED}
 *     (today)
 */
public record GoverningRegime(
    String regime,
    LocalDate effectiveFrom,
    boolean priorApprovalRequired,
    LocalDate judgedOn,
    String basis) {

  /** The regime of the shipment whose signed steps are {@code signatures}, judged {@code today}. */
  static GoverningRegime of(
      String shipmentId, List<ShipmentDossier.Signature> signatures, LocalDate today) {
    Instant certified =
        signatures.stream()
            .filter(s -> s.aggregateId().equals(shipmentId))
            .filter(s -> s.eventType().equals(ShipmentCertifiedEvent.class.getSimpleName()))
            .map(ShipmentDossier.Signature::recordedAt)
            .findFirst()
            .orElse(null);
    LocalDate day = certified == null ? today : LedgerCalendar.dateOf(certified);
    ExportRegime r = ExportRegime.on(day);
    return new GoverningRegime(
        r.name(),
        r.effectiveFrom(),
        r.priorApprovalRequired(),
        day,
        certified == null ? "NOT_YET_CERTIFIED" : "CERTIFICATION");
  }
}
