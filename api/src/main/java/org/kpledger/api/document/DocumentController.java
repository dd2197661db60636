package org.kpledger.api.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.anomaly.AnomalyFlag;
import org.kpledger.api.certificate.CertificateQueries;
import org.kpledger.api.certificate.CertificateRecord;
import org.kpledger.api.dossier.DossierQuery;
import org.kpledger.api.dossier.ShipmentDossier;
import org.kpledger.api.lineage.TraceBackQuery;
import org.kpledger.api.lineage.TracedLineage;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.api.shipment.ShipmentRow;
import org.kpledger.custody.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The printable KP certificate (who may read the certificate in full may print it) and the shipment
 * dossier as a PDF report (the Monitoring Team, the KP authority and auditors).
 */
@RestController
@Tag(name = "documents")
class DocumentController {
  private static final MediaType PDF = MediaType.APPLICATION_PDF;
  private final CertificateQueries certificates;
  private final ShipmentQueries shipments;
  private final DossierQuery dossiers;
  private final TraceBackQuery traces;
  private final LocalAnchorSink sink;
  private final NamedParameterJdbcTemplate named;
  private final ReadPolicy policy;
  private final Clock clock;
  private final String publicUrl;

  DocumentController(
      CertificateQueries certificates,
      ShipmentQueries shipments,
      DossierQuery dossiers,
      TraceBackQuery traces,
      LocalAnchorSink sink,
      JdbcTemplate jdbc,
      ReadPolicy policy,
      Clock clock,
      @Value("${kp.public-url:}") String publicUrl) {
    this.certificates = certificates;
    this.shipments = shipments;
    this.dossiers = dossiers;
    this.traces = traces;
    this.sink = sink;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.policy = policy;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  @GetMapping(value = "/api/certificates/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary =
          "The KP certificate as a printable PDF: the mandated title and statement, every Annex I"
              + " field as endorsed, the number as text and as a QR code of the public check"
              + " /api/public/certificates/{number} (whoever may read the certificate in full)")
  ResponseEntity<byte[]> certificate(Actor reader, @PathVariable String number) {
    CertificateRecord c =
        certificates
            .find(number)
            .orElseThrow(() -> QueryRefusedException.notFound("number", "certificate " + number));
    if (!policy.seesCertificates(reader) && !reader.party().equals(c.exporter())) {
      throw QueryRefusedException.notVisible(
          "number", reader.party() + " may print only the certificates of its own exports");
    }
    byte[] pdf = CertificatePdf.render(c, checkUrl(number), clock.instant());
    return file(pdf, "kp-certificate-" + number);
  }

  @GetMapping(
      value = "/api/shipments/{shipmentId}/dossier/pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary =
          "The shipment dossier as a PDF report: gate verdicts, valuation, the provenance graph"
              + " as a picture, signers with their leaves, anomaly flags on its lots, miners and"
              + " certificate, late entries, refused attempts and the anchoring evidence"
              + " (Monitoring Team, KP authority, auditors)")
  ResponseEntity<byte[]> dossier(Actor reader, @PathVariable String shipmentId) {
    policy.requireOverseer(reader, "shipment dossiers");
    ShipmentRow s =
        shipments
            .find(shipmentId)
            .orElseThrow(
                () -> QueryRefusedException.notFound("shipmentId", "shipment " + shipmentId));
    ShipmentDossier d = dossiers.assemble(s, reader);
    List<ShipmentDossier.Signature> steps = dossiers.allSignedSteps(s);
    TracedLineage lineage = traces.walk(s.parcelIds());
    List<AnomalyFlag> flags = d.anomalyFlags();
    byte[] pdf =
        DossierPdf.render(
            d, steps, lineage, leaves(steps), flags, sink.lastAnchored(), clock.instant());
    return file(pdf, "kp-dossier-" + shipmentId);
  }

  /** The leaf of each signed step, keyed "aggregate#sequence". */
  private Map<String, Long> leaves(List<ShipmentDossier.Signature> steps) {
    List<String> aggregates =
        steps.stream().map(ShipmentDossier.Signature::aggregateId).distinct().toList();
    Map<String, Long> out = new HashMap<>();
    if (aggregates.isEmpty()) {
      return out;
    }
    named.query(
        "SELECT e.aggregate_identifier, e.sequence_number, l.leaf_index FROM domain_event_entry e"
            + " JOIN merkle_leaf l ON l.event_id = CAST(e.event_identifier AS UUID)"
            + " WHERE e.aggregate_identifier IN (:ids)",
        Map.of("ids", aggregates),
        rs -> {
          out.put(rs.getString(1) + "#" + rs.getLong(2), rs.getLong(3));
        });
    return out;
  }

  private String checkUrl(String number) {
    String base =
        publicUrl.isBlank()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
            : publicUrl.replaceAll("/+$", "");
    return base + "/api/public/certificates/" + number;
  }

  private static ResponseEntity<byte[]> file(byte[] pdf, String name) {
    return ResponseEntity.ok()
        .contentType(PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".pdf\"")
        .body(pdf);
  }
}
