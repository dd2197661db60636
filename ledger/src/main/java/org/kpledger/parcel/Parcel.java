package org.kpledger.parcel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * A custody item: a lot, a merged or split parcel, or a declared stockpile item. Its creation rules
 * live in {@link LotRules} and {@link StockpileRules}; this class keeps the custody state and the
 * rules of moving it.
 */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
public class Parcel {
  /** The largest weighing difference a re-weighing may record, as a fraction of the mass. */
  static final BigDecimal WEIGHING_TOLERANCE = new BigDecimal("0.005");

  @AggregateIdentifier private String parcelId;
  private String holder;
  private BigDecimal carats;
  private BigDecimal createdCarats;
  private List<Origin> origins = List.of();
  private boolean consumed;
  private boolean exported;
  private String sealId;
  private BigDecimal valueUsd;
  private TransferOfferedEvent pendingTransfer;
  private ParcelConfiscatedEvent confiscation;
  private boolean forfeited;
  private boolean quarantined;
  private String shipmentId;

  /**
   * The field day of the item's latest custody step: the latest acquisition day of its stones, then
   * each transfer's; no later act may be dated before it ({@link FieldDate#notBefore}).
   */
  private LocalDate lastCustodyDay;

  /** For Axon. */
  protected Parcel() {}

  /** A purchase slip creates a lot (see {@link LotRules}). */
  @CommandHandler
  public Parcel(CreateLotCommand command, Actor actor, CustodyFacts facts, MetaData meta) {
    apply(LotRules.purchase(command, actor, facts, LedgerMetaData.recordDay(meta)));
  }

  /** A declared stockpile item enters custody, quarantined where the rules say so. */
  @CommandHandler
  public Parcel(CreateStockpileItemCommand command, CustodyFacts facts) {
    apply(StockpileRules.declare(command, facts));
  }

  /** A merge creates a parcel whose declared carats must equal what its sources gave. */
  @CommandHandler
  public Parcel(CreateMergedParcelCommand command, Actor actor) {
    BigDecimal sum =
        Carats.sum(command.sources().stream().map(ParcelContribution::carats).toList());
    require(
        Carats.same(sum, command.declaredCarats()),
        "CARATS_NOT_CONSERVED",
        "carats",
        "a merge must conserve carats: the sources hold "
            + sum
            + " ct but the merged parcel declares "
            + command.declaredCarats()
            + " ct (record a weighing difference separately)");
    List<LineageEdge> edges = new ArrayList<>();
    List<Origin> merged = new ArrayList<>();
    for (ParcelContribution c : command.sources()) {
      edges.add(new LineageEdge(c.parcelId(), command.parcelId(), c.carats()));
      merged.addAll(c.origins());
    }
    apply(new ParcelMergedEvent(command.parcelId(), actor.party(), edges, sum, merged));
  }

  /** A split creates one part, carrying all the source's origins. */
  @CommandHandler
  public Parcel(CreateSplitPartCommand command) {
    apply(
        new ParcelSplitOffEvent(
            command.parcelId(),
            command.sourceParcelId(),
            command.holder(),
            command.carats(),
            command.origins()));
  }

  /** This item gives up its contents to a merge. */
  @CommandHandler
  public ParcelContribution handle(GiveUpToMergeCommand command, Actor actor) {
    requireMovableBy(actor);
    requireUnsealed();
    ParcelContribution given = contribution();
    apply(
        new ParcelConsumedEvent(
            parcelId,
            "MERGE",
            List.of(new LineageEdge(parcelId, command.mergedParcelId(), carats))));
    return given;
  }

  /** This item is split into parts whose carats add up to its own. */
  @CommandHandler
  public ParcelContribution handle(GiveUpToSplitCommand command, Actor actor) {
    requireMovableBy(actor);
    requireUnsealed();
    BigDecimal sum = Carats.sum(command.parts().stream().map(SplitPart::carats).toList());
    require(
        Carats.same(sum, carats),
        "CARATS_NOT_CONSERVED",
        "parts",
        "a split must conserve carats: "
            + parcelId
            + " holds "
            + carats
            + " ct but the parts add up to "
            + sum
            + " ct");
    ParcelContribution given = contribution();
    List<LineageEdge> edges =
        command.parts().stream()
            .map(p -> new LineageEdge(parcelId, p.parcelId(), p.carats()))
            .toList();
    apply(new ParcelConsumedEvent(parcelId, "SPLIT", edges));
    return given;
  }

  /**
   * A re-weighing within {@link #WEIGHING_TOLERANCE} of the mass the item was created with, counted
   * over all its re-weighings together: a run of small differences cannot move an item further than
   * one large one could (kp-facts rule 4).
   */
  @CommandHandler
  public void handle(RecordWeighingDifferenceCommand command, Actor actor) {
    requireMovableBy(actor);
    requireUnsealed();
    BigDecimal drift = command.measuredCarats().subtract(createdCarats).abs();
    BigDecimal bound = createdCarats.multiply(WEIGHING_TOLERANCE).max(new BigDecimal("0.01"));
    require(
        drift.compareTo(bound) <= 0,
        "WEIGHING_DIFFERENCE_TOO_LARGE",
        "measuredCarats",
        "re-weighing "
            + parcelId
            + " at "
            + command.measuredCarats()
            + " ct would move it "
            + drift
            + " ct from the "
            + createdCarats
            + " ct it was created with, beyond the cumulative bound of "
            + bound.setScale(2, RoundingMode.DOWN)
            + " ct");
    apply(
        new WeighingDifferenceRecordedEvent(
            parcelId, carats, command.measuredCarats(), command.reason()));
  }

  /**
   * Only the holder offers a transfer, one at a time, naming the seal the item travels in, on a
   * field date not before the item's previous custody step.
   */
  @CommandHandler
  public void handle(OfferTransferCommand command, Actor actor, MetaData meta) {
    requireMovableBy(actor);
    FieldDate handedOver =
        FieldDate.of(command.fieldDate(), meta, FieldDate.FIELD)
            .notBefore(lastCustodyDay, "the previous custody step of " + parcelId, FieldDate.FIELD);
    require(
        !command.toParty().equals(holder),
        "TRANSFER_TO_SELF",
        "toParty",
        "the holder cannot transfer " + parcelId + " to itself");
    require(
        sealId == null || sealId.equals(command.sealId()),
        "SEAL_MISMATCH",
        "sealId",
        parcelId + " is sealed under " + sealId + ", not " + command.sealId());
    apply(
        new TransferOfferedEvent(
            parcelId,
            command.transferId(),
            holder,
            command.toParty(),
            command.sealId(),
            handedOver.day(),
            handedOver.lateEntry()));
  }

  /**
   * Only the named receiver accepts a pending transfer, under its own licence of the kind its role
   * requires (an agrément for a collector, an export licence for a buying office), in force on the
   * field date custody passes (kp-facts rule 1; CAR Ordonnance 83-024 art. 2), which is not before
   * the offer's.
   */
  @CommandHandler
  public void handle(
      AcceptTransferCommand command, Actor actor, CustodyFacts facts, MetaData meta) {
    requirePending(command.transferId());
    require(
        pendingTransfer.toParty().equals(actor.party()),
        "NOT_TRANSFER_RECIPIENT",
        "transferId",
        "transfer "
            + command.transferId()
            + " is offered to "
            + pendingTransfer.toParty()
            + ", not to "
            + actor.party());
    FieldDate taken =
        FieldDate.of(command.fieldDate(), meta, FieldDate.FIELD)
            .notBefore(
                offeredOn(), "the offer of transfer " + command.transferId(), FieldDate.FIELD);
    LocalDate day = taken.day();
    LicenceKind kind =
        LicenceStanding.requiredFor(actor.role())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "RECEIVER_NOT_LICENSED",
                        "receiverLicence",
                        "a " + actor.role() + " holds no trading licence and cannot take custody"));
    LicenceStanding.failure(facts, command.receiverLicence(), kind, actor.party(), day)
        .ifPresent(
            why -> {
              throw new CustodyRuleViolation(
                  "RECEIVER_NOT_LICENSED",
                  "receiverLicence",
                  actor.party()
                      + " cannot take custody of "
                      + parcelId
                      + " on "
                      + day
                      + ": "
                      + why);
            });
    apply(
        new TransferAcceptedEvent(
            parcelId,
            pendingTransfer.transferId(),
            pendingTransfer.fromParty(),
            pendingTransfer.toParty(),
            pendingTransfer.sealId(),
            day,
            taken.lateEntry()));
  }

  /** The offering holder withdraws a pending transfer. */
  @CommandHandler
  public void handle(CancelTransferCommand command, Actor actor) {
    requirePending(command.transferId());
    requireHolder(actor);
    apply(new TransferCancelledEvent(parcelId, command.transferId()));
  }

  /** Valuation comes before sealing (kp-facts rule 7). */
  @CommandHandler
  public void handle(ValueParcelCommand command) {
    requireActive();
    requireUnsealed();
    requireNotInShipment();
    apply(new ParcelValuedEvent(parcelId, command.valueUsd(), command.priceListVersion(), carats));
  }

  /** A valued, unsealed item not in transit is sealed. */
  @CommandHandler
  public void handle(SealParcelCommand command) {
    requireActive();
    requireUnsealed();
    requireNotInShipment();
    require(
        valueUsd != null,
        "NOT_VALUED",
        "parcelId",
        parcelId + " must be valued before it is sealed");
    require(
        pendingTransfer == null,
        "TRANSFER_PENDING",
        "parcelId",
        parcelId + " has a transfer pending");
    apply(new ParcelSealedEvent(parcelId, command.sealId()));
  }

  /** An authorised actor opens the named seal; the valuation no longer stands. */
  @CommandHandler
  public void handle(OpenSealCommand command) {
    require(
        sealId != null && sealId.equals(command.sealId()),
        "SEAL_MISMATCH",
        "sealId",
        parcelId + " is not sealed under " + command.sealId());
    apply(new SealOpenedEvent(parcelId, command.sealId(), command.reason()));
  }

  /** An authority takes an item; a pending transfer lapses. */
  @CommandHandler
  public void handle(ConfiscateParcelCommand command, Actor actor) {
    requireActive();
    require(
        confiscation == null,
        "ALREADY_CONFISCATED",
        "parcelId",
        parcelId + " is already confiscated");
    require(
        shipmentId == null, "IN_SHIPMENT", "parcelId", parcelId + " is in shipment " + shipmentId);
    apply(
        new ParcelConfiscatedEvent(
            parcelId, command.confiscationRef(), command.reason(), holder, actor.organisationId()));
  }

  /** The authority returns or forfeits a confiscated item. */
  @CommandHandler
  public void handle(DisposeConfiscationCommand command) {
    require(
        confiscation != null && !forfeited,
        "NOT_CONFISCATED",
        "parcelId",
        parcelId + " is not under a confiscation awaiting disposition");
    String newHolder =
        command.disposition() == Disposition.RETURNED
            ? confiscation.previousHolder()
            : confiscation.authority();
    apply(
        new ConfiscationDisposedEvent(
            parcelId, command.disposition(), command.reason(), newHolder));
  }

  /** A forensic auditor releases a quarantined item. */
  @CommandHandler
  public void handle(ClearQuarantineCommand command) {
    require(quarantined, "NOT_QUARANTINED", "parcelId", parcelId + " is not quarantined");
    apply(new QuarantineClearedEvent(parcelId, command.auditReference(), command.criteria()));
  }

  /**
   * The exporter puts a sealed, valued item it holds into a shipment proposed on a field date not
   * before the item's previous custody step.
   */
  @CommandHandler
  public ParcelContribution handle(AssignToShipmentCommand command, Actor actor) {
    requireMovableBy(actor);
    FieldDate.on(command.proposedOn())
        .notBefore(lastCustodyDay, "the previous custody step of " + parcelId, FieldDate.FIELD);
    require(
        sealId != null,
        "NOT_SEALED",
        "parcelId",
        parcelId + " must be valued and sealed to be shipped");
    apply(new ParcelAssignedToShipmentEvent(parcelId, command.shipmentId()));
    return contribution();
  }

  /** A rejected shipment releases the item. */
  @CommandHandler
  public void handle(ReleaseFromShipmentCommand command) {
    require(
        command.shipmentId().equals(shipmentId),
        "NOT_IN_SHIPMENT",
        "parcelId",
        parcelId + " is not in shipment " + command.shipmentId());
    apply(new ParcelReleasedFromShipmentEvent(parcelId, shipmentId));
  }

  /** The item leaves the country with its shipment, still under seal. */
  @CommandHandler
  public void handle(MarkExportedCommand command) {
    require(
        command.shipmentId().equals(shipmentId) && !exported,
        "NOT_IN_SHIPMENT",
        "parcelId",
        parcelId + " is not awaiting export in shipment " + command.shipmentId());
    require(
        sealId != null,
        "NOT_SEALED",
        "parcelId",
        parcelId + " lost its seal and cannot be exported");
    apply(new ParcelExportedEvent(parcelId, shipmentId, command.certificateNumber()));
  }

  private void requireActive() {
    require(
        !consumed,
        "PARCEL_CONSUMED",
        "parcelId",
        parcelId + " was merged or split and holds nothing");
    require(!exported, "PARCEL_EXPORTED", "parcelId", parcelId + " has been exported");
  }

  private void requireHolder(Actor actor) {
    require(
        holder.equals(actor.party()),
        "NOT_HOLDER",
        "parcelId",
        "only the holder of " + parcelId + " (" + holder + ") may move it, not " + actor.party());
  }

  /** An item moves only when its holder moves it and nothing holds it in place. */
  private void requireMovableBy(Actor actor) {
    requireActive();
    require(confiscation == null, "PARCEL_CONFISCATED", "parcelId", parcelId + " is confiscated");
    require(
        !quarantined,
        "STOCKPILE_QUARANTINED",
        "parcelId",
        parcelId + " is a quarantined stockpile item; only an audit clearance releases it");
    requireHolder(actor);
    require(
        pendingTransfer == null,
        "TRANSFER_PENDING",
        "parcelId",
        parcelId + " already has transfer " + transferIdPending() + " pending");
    require(
        shipmentId == null, "IN_SHIPMENT", "parcelId", parcelId + " is in shipment " + shipmentId);
  }

  /**
   * A parcel keeps the valuation and seal it had when it joined a shipment: one whose seal is
   * opened there cannot be revalued and resealed into the same shipment (kp-facts rule 6).
   */
  private void requireNotInShipment() {
    require(
        shipmentId == null,
        "IN_SHIPMENT",
        "parcelId",
        parcelId
            + " is in shipment "
            + shipmentId
            + "; it keeps the valuation and seal it was shipped with");
  }

  private void requireUnsealed() {
    require(sealId == null, "PARCEL_SEALED", "parcelId", parcelId + " is sealed under " + sealId);
  }

  private void requirePending(String transferId) {
    require(
        pendingTransfer != null && pendingTransfer.transferId().equals(transferId),
        "NO_PENDING_TRANSFER",
        "transferId",
        "no transfer " + transferId + " is pending for " + parcelId);
  }

  /** The pending offer's field date, or the last custody day for an offer that carries none. */
  private LocalDate offeredOn() {
    return pendingTransfer.fieldDate() == null ? lastCustodyDay : pendingTransfer.fieldDate();
  }

  private String transferIdPending() {
    return pendingTransfer == null ? null : pendingTransfer.transferId();
  }

  private ParcelContribution contribution() {
    return new ParcelContribution(parcelId, carats, valueUsd, origins);
  }

  /** What the export gate may re-check of this item. */
  public CustodyFacts.ParcelFacts facts() {
    return state().facts(parcelId, holder, sealId != null, quarantined, shipmentId);
  }

  /** Where the item's stones came from, as the export gate judges them. */
  public List<Origin> origins() {
    return origins;
  }

  /** Where the item stands. */
  public ParcelState state() {
    if (consumed) {
      return ParcelState.CONSUMED;
    }
    if (exported) {
      return ParcelState.EXPORTED;
    }
    if (confiscation != null) {
      return forfeited ? ParcelState.FORFEITED : ParcelState.CONFISCATED;
    }
    return ParcelState.ACTIVE;
  }

  @EventSourcingHandler
  void on(LotPurchasedEvent e) {
    parcelId = e.lotId();
    holder = e.buyerParty();
    carats = e.carats();
    createdCarats = e.carats();
    origins = List.of(LotRules.originOf(e));
    lastCustodyDay = latestAcquisition(origins);
  }

  @EventSourcingHandler
  void on(StockpileItemDeclaredEvent e) {
    parcelId = e.parcelId();
    holder = e.holder();
    carats = e.carats();
    createdCarats = e.carats();
    origins = List.of(StockpileRules.originOf(e));
    quarantined = e.quarantineReason() != null;
    lastCustodyDay = latestAcquisition(origins);
  }

  @EventSourcingHandler
  void on(ParcelMergedEvent e) {
    parcelId = e.parcelId();
    holder = e.holder();
    carats = e.carats();
    createdCarats = e.carats();
    origins = e.origins();
    lastCustodyDay = latestAcquisition(origins);
  }

  @EventSourcingHandler
  void on(ParcelSplitOffEvent e) {
    parcelId = e.parcelId();
    holder = e.holder();
    carats = e.carats();
    createdCarats = e.carats();
    origins = e.origins();
    lastCustodyDay = latestAcquisition(origins);
  }

  @EventSourcingHandler
  void on(ParcelConsumedEvent e) {
    consumed = true;
  }

  @EventSourcingHandler
  void on(WeighingDifferenceRecordedEvent e) {
    carats = e.measuredCarats();
  }

  @EventSourcingHandler
  void on(TransferOfferedEvent e) {
    pendingTransfer = e;
  }

  @EventSourcingHandler
  void on(TransferAcceptedEvent e) {
    holder = e.toParty();
    pendingTransfer = null;
    if (e.fieldDate() != null) {
      lastCustodyDay = e.fieldDate();
    }
  }

  /**
   * The latest day on which any of the item's stones was acquired (a merged or split item's
   * transfers before the merge are not carried over: its stones' acquisition days are).
   */
  private static LocalDate latestAcquisition(List<Origin> origins) {
    return origins.stream()
        .map(Origin::acquiredOn)
        .filter(java.util.Objects::nonNull)
        .max(LocalDate::compareTo)
        .orElse(null);
  }

  @EventSourcingHandler
  void on(TransferCancelledEvent e) {
    pendingTransfer = null;
  }

  @EventSourcingHandler
  void on(ParcelValuedEvent e) {
    valueUsd = e.valueUsd();
  }

  @EventSourcingHandler
  void on(ParcelSealedEvent e) {
    sealId = e.sealId();
  }

  @EventSourcingHandler
  void on(SealOpenedEvent e) {
    sealId = null;
    valueUsd = null;
  }

  @EventSourcingHandler
  void on(ParcelConfiscatedEvent e) {
    confiscation = e;
    holder = e.authority();
    pendingTransfer = null;
  }

  @EventSourcingHandler
  void on(ConfiscationDisposedEvent e) {
    holder = e.holder();
    if (e.disposition() == Disposition.RETURNED) {
      confiscation = null;
    } else {
      forfeited = true;
    }
  }

  @EventSourcingHandler
  void on(QuarantineClearedEvent e) {
    quarantined = false;
    origins = origins.stream().map(o -> o.clearedBy(e.auditReference())).toList();
  }

  @EventSourcingHandler
  void on(ParcelAssignedToShipmentEvent e) {
    shipmentId = e.shipmentId();
  }

  @EventSourcingHandler
  void on(ParcelReleasedFromShipmentEvent e) {
    shipmentId = null;
  }

  @EventSourcingHandler
  void on(ParcelExportedEvent e) {
    exported = true;
  }
}
