package org.kpledger.api.document;

import com.lowagie.text.Image;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.api.anomaly.AnomalyFlag;
import org.kpledger.api.dossier.ShipmentDossier;
import org.kpledger.api.lineage.TracedLineage;
import org.kpledger.api.shipment.ShipmentRow;
import org.kpledger.shipment.GateCheck;

/**
 * The Monitoring Team's review of one shipment as a report: the shipment and its certificate, the
 * export gate's verdicts, the valuation, the provenance graph as a picture, the origins by zone,
 * the anomaly flags on its lots, miners and certificate, who signed each step (with the event's
 * leaf in the verifiable log), the late entries, the refused attempts and the log checkpoint the
 * leaves are anchored under.
 */
final class DossierPdf {
  private DossierPdf() {}

  /**
   * The report of a shipment's dossier; {@code steps} are the signed steps of its whole lineage
   * (the dossier's pages joined) and {@code leaves} maps "aggregate#sequence" to its leaf.
   */
  static byte[] render(
      ShipmentDossier d,
      List<ShipmentDossier.Signature> steps,
      TracedLineage lineage,
      Map<String, Long> leaves,
      List<AnomalyFlag> flags,
      Optional<AnchoredHead> checkpoint,
      Instant printedAt) {
    ShipmentRow s = d.shipment();
    Pdf pdf = new Pdf("Shipment dossier " + s.shipmentId());
    pdf.title("Shipment dossier " + s.shipmentId());
    pdf.text("Printed " + printedAt + " from the KP custody ledger.", Pdf.SMALL);
    pdf.heading("Shipment");
    pdf.fields(
        List.of(
            new String[] {"Exporter", s.exporter() + " (licence " + s.exporterLicence() + ")"},
            new String[] {"Importer", s.importerName() + ", " + s.importerCountry()},
            new String[] {"Carats / US$", plain(s.carats()) + " ct / US$ " + plain(s.valueUsd())},
            new String[] {"Parcels", String.join(", ", s.parcelIds())},
            new String[] {"Proposed / status", s.proposedOn() + " / " + s.status()},
            new String[] {"KP certificate", certificate(d)},
            new String[] {"Export regime", regime(d)}));
    pdf.heading(
        "Export gate: "
            + (d.gatePasses() ? "every check passes" : "CHECKS FAIL")
            + " (evaluated "
            + d.gateEvaluatedAt()
            + ")");
    List<List<String>> gate = new ArrayList<>();
    for (GateCheck g : d.gate()) {
      gate.add(List.of(g.subject(), g.rule(), g.passed() ? "passed" : "FAILED", g.detail()));
    }
    pdf.grid(new float[] {2, 3, 1, 6}, List.of("Subject", "Rule", "Verdict", "Detail"), gate);
    List<List<String>> rules = new ArrayList<>();
    for (ShipmentDossier.RuleCount r : d.gateRules()) {
      rules.add(
          List.of(
              r.rule(),
              String.valueOf(r.checked()),
              String.valueOf(r.passed()),
              String.valueOf(r.failed())));
    }
    pdf.grid(new float[] {4, 2, 2, 2}, List.of("Rule", "Checked", "Passed", "Failed"), rules);
    pdf.text(
        "Above: every check of the parcels and every failed check; each origin's checks are in"
            + " /api/trace/back/shipments/"
            + s.shipmentId()
            + " (origins, checks).",
        Pdf.SMALL);
    valuation(pdf, d);
    pdf.heading("Provenance");
    Image graph =
        ProvenanceDrawing.of(pdf.writer.getDirectContent(), s.shipmentId(), s.parcelIds(), lineage);
    if (graph == null) {
      pdf.text(
          lineage.itemIds().size()
              + " items: too many to draw legibly; see /api/trace/back/shipments/"
              + s.shipmentId(),
          Pdf.BODY);
    } else {
      graph.scaleToFit(515, 600);
      graph.setSpacingAfter(8);
      pdf.document.add(graph);
    }
    List<List<String>> zones = new ArrayList<>();
    d.trace().caratsByZone().forEach((z, ct) -> zones.add(List.of(z, plain(ct))));
    pdf.grid(new float[] {3, 2}, List.of("Origin zone", "Carats"), zones);
    pdf.heading("Anomaly flags (" + flags.size() + ")");
    List<List<String>> flagRows = new ArrayList<>();
    flags.forEach(f -> flagRows.add(List.of(f.kind(), f.subject(), f.period(), f.explanation())));
    pdf.grid(new float[] {3, 2, 2, 8}, List.of("Flag", "Subject", "Period", "Why"), flagRows);
    signers(pdf, steps, leaves);
    lateAndRefused(pdf, d);
    anchoring(pdf, d, steps.size(), leaves, checkpoint);
    return pdf.finish();
  }

  private static void valuation(Pdf pdf, ShipmentDossier d) {
    if (d.valuation() == null) {
      return;
    }
    pdf.heading("Valuation: US$ " + plain(d.valuation().usdPerCarat()) + " per carat");
    List<List<String>> rows = new ArrayList<>();
    for (ShipmentDossier.ParcelValue v : d.valuation().parcels()) {
      rows.add(
          List.of(
              v.parcelId(),
              plain(v.carats()),
              plain(v.valueUsd()),
              plain(v.usdPerCarat()),
              String.valueOf(v.priceListVersion())));
    }
    pdf.grid(
        new float[] {3, 2, 2, 2, 2},
        List.of("Parcel", "Carats", "US$", "US$/ct", "Price list"),
        rows);
  }

  private static void signers(
      Pdf pdf, List<ShipmentDossier.Signature> steps, Map<String, Long> leaves) {
    pdf.heading("Signed steps (" + steps.size() + ")");
    List<List<String>> rows = new ArrayList<>();
    for (ShipmentDossier.Signature g : steps) {
      Long leaf = leaves.get(g.aggregateId() + "#" + g.sequenceNumber());
      rows.add(
          List.of(
              g.aggregateId() + " #" + g.sequenceNumber(),
              g.eventType(),
              String.valueOf(g.actorId()),
              g.organisationId() + " / " + g.role(),
              String.valueOf(g.recordedAt()),
              leaf == null ? "not yet" : String.valueOf(leaf)));
    }
    pdf.grid(
        new float[] {3, 3, 2, 3, 3, 1},
        List.of("Item, step", "Event", "Actor", "Organisation / role", "Recorded", "Leaf"),
        rows);
  }

  private static void lateAndRefused(Pdf pdf, ShipmentDossier d) {
    pdf.heading("Late entries (" + d.lateEntries().size() + ")");
    List<List<String>> late = new ArrayList<>();
    d.lateEntries()
        .forEach(
            e ->
                late.add(
                    List.of(
                        e.lotId(),
                        String.valueOf(e.occurredAt()),
                        String.valueOf(e.recordedAt()),
                        e.delayHours() + " h")));
    pdf.grid(new float[] {3, 3, 3, 1}, List.of("Lot", "Occurred", "Recorded", "Delay"), late);
    pdf.heading("Refused attempts (" + d.refusedAttempts().size() + ")");
    List<List<String>> refused = new ArrayList<>();
    d.refusedAttempts()
        .forEach(
            r ->
                refused.add(
                    List.of(
                        String.valueOf(r.refusedAt()),
                        r.commandType(),
                        r.actorId() + " / " + r.organisationId(),
                        r.reasonCode(),
                        r.message())));
    pdf.grid(
        new float[] {3, 3, 3, 3, 6},
        List.of("Refused", "Command", "Actor", "Rule", "Message"),
        refused);
  }

  private static void anchoring(
      Pdf pdf,
      ShipmentDossier d,
      int steps,
      Map<String, Long> leaves,
      Optional<AnchoredHead> checkpoint) {
    pdf.heading("Anchoring evidence");
    if (checkpoint.isEmpty()) {
      pdf.text("No tree head signed yet.", Pdf.BODY);
      return;
    }
    AnchoredHead h = checkpoint.get();
    long size = h.head().size();
    long covered = leaves.values().stream().filter(l -> l < size).count();
    pdf.fields(
        List.of(
            new String[] {
              "Signed tree head",
              "size "
                  + size
                  + ", root "
                  + Base64.getEncoder().encodeToString(h.head().head().rootHash())
                  + ", "
                  + h.head().head().timestamp()
            },
            new String[] {
              "Anchored",
              h.receipt().sink() + " " + h.receipt().reference() + " at " + h.receipt().anchoredAt()
            },
            new String[] {"Steps under this head", covered + " of " + steps},
            new String[] {
              "Verify offline",
              "kp audit export --shipment " + d.shipment().shipmentId() + ", then kp verify"
            }));
  }

  private static String regime(ShipmentDossier d) {
    var r = d.exportRegime();
    if (r == null) {
      return "-";
    }
    return r.regime()
        + " in force from "
        + r.effectiveFrom()
        + "; prior Monitoring Team approval "
        + (r.priorApprovalRequired() ? "required" : "not required")
        + " (judged on "
        + r.judgedOn()
        + ", "
        + r.basis().toLowerCase(java.util.Locale.ROOT)
        + ")";
  }

  private static String certificate(ShipmentDossier d) {
    if (d.certificate() == null) {
      return "none yet";
    }
    return d.certificate().certificateNumber()
        + " issued "
        + d.certificate().issuedOn()
        + ", "
        + d.certificate().status()
        + ", HS "
        + d.certificate().hsCode();
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }
}
