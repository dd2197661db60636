package org.kpledger.api.lineage;

import java.time.Clock;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.registry.LicenceVerdict;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.custody.Actor;
import org.kpledger.shipment.ExportGate;
import org.kpledger.shipment.GateCheck;
import org.kpledger.shipment.Reevaluation;
import org.springframework.stereotype.Component;

/**
 * Judges an origin as the export gate does (the ledger's {@link ExportGate}, over the projections)
 * and adds the zone and licence standing on its day, for a given reader.
 */
@Component
public class OriginAssessor {
  private final RegistryQueries registry;
  private final ProjectedCustodyFacts facts;
  private final ReadPolicy policy;
  private final LineageGraph graph;
  private final Clock clock;

  OriginAssessor(RegistryQueries registry, LineageGraph graph, ReadPolicy policy, Clock clock) {
    this.registry = registry;
    this.graph = graph;
    this.clock = clock;
    this.facts = new ProjectedCustodyFacts(registry, graph, clock);
    this.policy = policy;
  }

  /** The same judge reading the registry through {@code preloaded} (see RegistryQueries). */
  public OriginAssessor over(RegistryQueries preloaded) {
    return new OriginAssessor(preloaded, graph, policy, clock);
  }

  /** The custody facts as the projections hold them, for the export gate. */
  public ProjectedCustodyFacts facts() {
    return facts;
  }

  /**
   * The origin as {@code reader} may see it, with its verdicts ({@code checks} from {@link
   * #checks}).
   */
  public TracedOrigin assess(
      LineageRows.Origin o, List<GateCheck> checks, GateStep shipmentThen, Actor reader) {
    GateStep then = then(o, shipmentThen);
    return assess(o, checks, then, judge(o, then), reader);
  }

  /** The same, with the origin already judged as known at {@code then} ({@link #judge}). */
  public TracedOrigin assess(
      LineageRows.Origin o,
      List<GateCheck> checks,
      GateStep then,
      Reevaluation.Judgement j,
      Actor reader) {
    org.kpledger.parcel.Origin from = o.origin();
    LicenceVerdict patente =
        from.patenteNumber() == null || from.acquiredOn() == null
            ? null
            : registry.licenceOn(from.patenteNumber(), from.acquiredOn());
    LicenceVerdict buyer =
        o.buyerLicence() == null || from.acquiredOn() == null
            ? null
            : registry.licenceOn(o.buyerLicence(), from.acquiredOn());
    return new TracedOrigin(
        o.lotId(),
        o.kind(),
        o.slipNumber(),
        from.minerId(),
        from.patenteNumber(),
        from.siteId(),
        from.zoneId(),
        from.acquiredOn(),
        o.occurredAt(),
        o.recordedAt(),
        isLate(o),
        from.carats(),
        o.stoneCount(),
        policy.seesPrice(reader, o.buyerParty()) ? o.priceUsd() : null,
        o.buyerParty(),
        o.buyerLicence(),
        registry.zoneOn(from.zoneId(), from.acquiredOn()),
        o.zoneCompliantRecorded(),
        patente,
        buyer,
        from.stockpileId(),
        o.quarantineReason(),
        from.auditClearance(),
        checks,
        checks.stream().allMatch(GateCheck::passed),
        TracedOrigin.Verdict.of(then.recordedAt(), then.step(), j.asKnownThen()),
        TracedOrigin.Verdict.of(null, "NOW", checks),
        j.changed().orElse(null));
  }

  /**
   * The command an origin's verdict "as known then" refers to: the shipment's last gate step when
   * the trace is of a shipment (or of an item in one), else the purchase or declaration itself.
   */
  public static GateStep then(LineageRows.Origin o, GateStep shipmentThen) {
    if (shipmentThen != null) {
      return shipmentThen;
    }
    return new GateStep(
        o.origin().stockpileId() == null ? "PURCHASED" : "DECLARED", o.recordedAt());
  }

  /**
   * The origin judged by the ledger's {@link Reevaluation#judge} as known at {@code then} and now,
   * with the zone decisions and the patente history (and their record times) from the registry.
   */
  public Reevaluation.Judgement judge(LineageRows.Origin o, GateStep then) {
    return Reevaluation.judge(
        o.origin(),
        then.recordedAt(),
        facts,
        o.origin().zoneId() == null ? null : registry.zoneDecisions(o.origin().zoneId()),
        registry.licenceHistory(o.origin().patenteNumber()).orElse(null));
  }

  /** The export gate's checks of this origin alone ({@link ExportGate#originChecks}). */
  public List<GateCheck> checks(LineageRows.Origin o) {
    return ExportGate.originChecks(o.origin(), facts);
  }

  /** The origin's zone status on its day. */
  public org.kpledger.api.registry.ZoneVerdict zoneOn(LineageRows.Origin o) {
    return registry.zoneOn(o.origin().zoneId(), o.origin().acquiredOn());
  }

  /**
   * Whether the origin was a late entry, as the ledger decided when it recorded the slip ({@link
   * org.kpledger.custody.FieldDate#isLate}); no setting of the node changes it afterwards.
   */
  public boolean isLate(LineageRows.Origin o) {
    return o.lateEntry();
  }
}
