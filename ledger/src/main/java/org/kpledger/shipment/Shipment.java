package org.kpledger.shipment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpledger.custody.Actor;
import org.kpledger.custody.Carats;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.FieldDate;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.licence.LicenceKind;
import org.kpledger.licence.LicenceStanding;
import org.kpledger.parcel.Origin;
import org.kpledger.parcel.ParcelContribution;

/**
 * An export shipment on its way from proposal to export, in the order approval → certificate →
 * export (kp-facts rule 7) under the prior-approval regime, or certificate → export without a prior
 * approval under the certificate-first regime ({@link ExportRegime}), with the export gate
 * evaluated at every step.
 */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
class Shipment {
  @AggregateIdentifier private String shipmentId;
  private ShipmentStatus status;
  private String exporter;
  private String exporterLicence;
  private Importer importer;
  private List<String> parcelIds;
  private List<Origin> origins;
  private BigDecimal carats;
  private BigDecimal valueUsd;
  private String certificateNumber;
  private LocalDate proposedOn;

  /** For Axon. */
  protected Shipment() {}

  /**
   * A buying office licensed on the proposal's field date proposes; the gate must pass already. A
   * refusal of the gate names the parcel at fault, or the parcel that carries the origin at fault,
   * by its place in {@code parcelIds}.
   */
  @CommandHandler
  public Shipment(CreateShipmentCommand c, Actor actor, CustodyFacts facts, MetaData meta) {
    LocalDate day = c.proposed().day();
    requireExporterLicensed(
        facts,
        c.exporterLicence(),
        actor.party(),
        day,
        "propose " + c.shipmentId(),
        "exporterLicence");
    List<String> ids = c.parcels().stream().map(ParcelContribution::parcelId).toList();
    List<Origin> all = c.parcels().stream().flatMap(p -> p.origins().stream()).toList();
    try {
      ExportGate.require(c.shipmentId(), ids, all, knownWhenRecorded(facts, meta));
    } catch (CustodyRuleViolation e) {
      throw e.at(parcelField(c.parcels(), e.field()));
    }
    apply(
        new ShipmentProposedEvent(
            c.shipmentId(),
            actor.party(),
            c.exporterLicence(),
            c.importer(),
            ids,
            Carats.sum(c.parcels().stream().map(ParcelContribution::carats).toList()),
            c.parcels().stream()
                .map(ParcelContribution::valueUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add),
            all,
            day,
            c.proposed().lateEntry()));
  }

  /** The Monitoring Team approves a proposed shipment that still passes the gate. */
  @CommandHandler
  public void handle(ApproveShipmentCommand c, CustodyFacts facts, MetaData meta) {
    requireStatus(ShipmentStatus.PROPOSED, "approved");
    requireExporterLicensed(
        facts, LedgerMetaData.recordDay(meta), "have " + shipmentId + " approved");
    requireGate(knownWhenRecorded(facts, meta));
    apply(new ShipmentApprovedEvent(shipmentId, c.decisionRef()));
  }

  /** The Monitoring Team rejects a proposed shipment; returns the parcels to release. */
  @CommandHandler
  public List<String> handle(RecordRejectionCommand c) {
    require(
        status == ShipmentStatus.PROPOSED || status == ShipmentStatus.APPROVED,
        "SHIPMENT_OUT_OF_ORDER",
        CustodyRuleViolation.NO_FIELD,
        "shipment "
            + shipmentId
            + " is "
            + status
            + "; it can be rejected only before it is"
            + " certified");
    apply(new ShipmentRejectedEvent(shipmentId, c.reason()));
    return parcelIds;
  }

  /**
   * The KP authority certifies a shipment that still passes the gate: under the regime of the
   * certification's record day ({@link ExportRegime#on}), an approved one when the Monitoring Team
   * must approve first, a proposed or approved one when the certificate comes first.
   */
  @CommandHandler
  public ShipmentDetails handle(CertifyShipmentCommand c, CustodyFacts facts, MetaData meta) {
    LocalDate day = LedgerMetaData.recordDay(meta);
    requireCertifiableUnder(ExportRegime.on(day), day);
    requireExporterLicensed(facts, day, "have " + shipmentId + " certified");
    requireGate(knownWhenRecorded(facts, meta));
    apply(new ShipmentCertifiedEvent(shipmentId, c.certificateNumber()));
    return details();
  }

  /**
   * The exporter ships a certified shipment that still passes the gate, on a field date not before
   * the proposal's, with its export licence in force that day.
   */
  @CommandHandler
  public ShipmentDetails handle(
      RecordExportCommand c, Actor actor, CustodyFacts facts, MetaData meta) {
    requireStatus(ShipmentStatus.CERTIFIED, "exported");
    require(
        exporter.equals(actor.party()),
        "NOT_EXPORTER",
        CustodyRuleViolation.NO_FIELD,
        "only the exporter " + exporter + " ships " + shipmentId);
    c.exported().notBefore(proposedOn, "the proposal of " + shipmentId, FieldDate.FIELD);
    LocalDate day = c.exported().day();
    requireExporterLicensed(facts, day, "export " + shipmentId);
    requireGate(knownWhenRecorded(facts, meta));
    apply(new ShipmentExportedEvent(shipmentId, certificateNumber, day, c.exported().lateEntry()));
    return details();
  }

  /**
   * The facts as the ledger knew them when it recorded this command (issue #15, knowledge in two
   * times): a zone decision or licence change recorded later, even one already loaded because it
   * committed while this command waited, does not decide this verdict; the read side shows the same
   * verdict "as known then" and raises a re-evaluation if a later decision flips it.
   */
  private static CustodyFacts knownWhenRecorded(CustodyFacts facts, MetaData meta) {
    return facts.asKnownAt(LedgerMetaData.recordedAt(meta, null));
  }

  /**
   * Only a buying office with its export licence in force exports (kp-facts rule 1; Ordonnance
   * 83-024 art. 1), checked on the day of every step, not only at proposal: a licence suspended or
   * expired after the proposal stops the shipment where it stands.
   */
  private void requireExporterLicensed(CustodyFacts facts, LocalDate day, String step) {
    require(
        exporterLicence != null,
        "EXPORTER_NOT_LICENSED",
        CustodyRuleViolation.NO_FIELD,
        "shipment " + shipmentId + " names no export licence");
    requireExporterLicensed(
        facts, exporterLicence, exporter, day, step, CustodyRuleViolation.NO_FIELD);
  }

  /** The place in {@code parcelIds} of the parcel that is, or carries, the gate's subject. */
  private static String parcelField(List<ParcelContribution> parcels, String subject) {
    for (int i = 0; i < parcels.size(); i++) {
      ParcelContribution p = parcels.get(i);
      if (p.parcelId().equals(subject)
          || p.origins().stream().anyMatch(o -> o.lotId().equals(subject))) {
        return "parcelIds[" + i + "]";
      }
    }
    return "parcelIds";
  }

  /** The gate after the proposal: the payload names only the shipment, so no member is at fault. */
  private void requireGate(CustodyFacts facts) {
    try {
      ExportGate.require(shipmentId, parcelIds, origins, facts);
    } catch (CustodyRuleViolation e) {
      throw e.at(CustodyRuleViolation.NO_FIELD);
    }
  }

  private static void requireExporterLicensed(
      CustodyFacts facts, String licence, String party, LocalDate day, String step, String field) {
    LicenceStanding.failure(facts, licence, LicenceKind.EXPORT_LICENCE, party, day)
        .ifPresent(
            why -> {
              throw new CustodyRuleViolation(
                  "EXPORTER_NOT_LICENSED",
                  field,
                  party
                      + " holds no export licence "
                      + licence
                      + " in force on "
                      + day
                      + " to "
                      + step
                      + ": "
                      + why);
            });
  }

  private void requireCertifiableUnder(ExportRegime regime, LocalDate day) {
    if (regime.priorApprovalRequired()) {
      require(
          status == ShipmentStatus.APPROVED,
          "SHIPMENT_OUT_OF_ORDER",
          CustodyRuleViolation.NO_FIELD,
          "shipment "
              + shipmentId
              + " is "
              + status
              + "; under the "
              + regime
              + " export regime in force on "
              + day
              + " it can be certified only when APPROVED by the Monitoring Team");
    } else {
      require(
          status == ShipmentStatus.PROPOSED || status == ShipmentStatus.APPROVED,
          "SHIPMENT_OUT_OF_ORDER",
          CustodyRuleViolation.NO_FIELD,
          "shipment "
              + shipmentId
              + " is "
              + status
              + "; under the "
              + regime
              + " export regime in force on "
              + day
              + " it can be certified only when PROPOSED or APPROVED");
    }
  }

  private void requireStatus(ShipmentStatus expected, String step) {
    require(
        status == expected,
        "SHIPMENT_OUT_OF_ORDER",
        CustodyRuleViolation.NO_FIELD,
        "shipment "
            + shipmentId
            + " is "
            + status
            + "; it can be "
            + step
            + " only when "
            + expected);
  }

  private ShipmentDetails details() {
    return new ShipmentDetails(
        shipmentId, exporter, importer, carats, valueUsd, parcelIds, certificateNumber);
  }

  @EventSourcingHandler
  void on(ShipmentProposedEvent e) {
    shipmentId = e.shipmentId();
    status = ShipmentStatus.PROPOSED;
    exporter = e.exporter();
    exporterLicence = e.exporterLicence();
    importer = e.importer();
    parcelIds = e.parcelIds();
    origins = e.origins();
    carats = e.carats();
    valueUsd = e.valueUsd();
    proposedOn = e.proposedOn();
  }

  @EventSourcingHandler
  void on(ShipmentApprovedEvent e) {
    status = ShipmentStatus.APPROVED;
  }

  @EventSourcingHandler
  void on(ShipmentRejectedEvent e) {
    status = ShipmentStatus.REJECTED;
  }

  @EventSourcingHandler
  void on(ShipmentCertifiedEvent e) {
    status = ShipmentStatus.CERTIFIED;
    certificateNumber = e.certificateNumber();
  }

  @EventSourcingHandler
  void on(ShipmentExportedEvent e) {
    status = ShipmentStatus.EXPORTED;
  }
}
