package org.kpledger.shipment;

import java.util.ArrayList;
import java.util.List;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.parcel.Origin;

/**
 * The export gate (kp-facts rules 5, 7 and 9): every origin of every parcel must have been bought
 * in a zone compliant that day from a miner with a patente in force that day, or be a stockpile
 * item released by audit; every parcel must be held by the exporter for this shipment, sealed, not
 * confiscated and not quarantined. Read against the facts it is given: at a command, as the ledger
 * knew them when it recorded the command ({@link CustodyFacts#asKnownAt}); on the read side both so
 * and as they stand now ({@link Reevaluation}). A parcel that left the country with this shipment
 * still counts as in it, so the same gate judges an exported shipment afterwards.
 */
public final class ExportGate {
  private ExportGate() {}

  /** Every verdict, passed or not, for the dossier. */
  public static List<GateCheck> evaluate(
      String shipmentId, List<String> parcelIds, List<Origin> origins, CustodyFacts facts) {
    List<GateCheck> checks = new ArrayList<>();
    for (Origin o : origins) {
      checks.addAll(originRules(o, facts));
    }
    for (String id : parcelIds) {
      checks.addAll(parcelChecks(shipmentId, id, facts));
    }
    return checks;
  }

  /**
   * The gate's verdicts on one origin alone, as a trace shows them: its zone and patente on its day
   * and, for a stockpile item, whether the item is still quarantined (the gate checks that on the
   * parcel; a quarantined item cannot be merged, so it is always its own parcel).
   */
  public static List<GateCheck> originChecks(Origin o, CustodyFacts facts) {
    List<GateCheck> checks = originRules(o, facts);
    if (o.stockpileId() != null) {
      boolean quarantined =
          facts.parcel(o.lotId()).map(CustodyFacts.ParcelFacts::quarantined).orElse(false);
      checks.add(
          new GateCheck(
              o.lotId(),
              "STOCKPILE_QUARANTINED",
              !quarantined,
              quarantined ? "quarantined stockpile item" : "not quarantined"));
    }
    return checks;
  }

  private static List<GateCheck> originRules(Origin o, CustodyFacts facts) {
    List<GateCheck> checks = new ArrayList<>();
    {
      checks.add(originCheck(o, facts));
      if (o.minerId() != null && o.auditClearance() == null) {
        boolean valid =
            facts.licence(o.patenteNumber()).map(l -> l.validOn(o.acquiredOn())).orElse(false);
        checks.add(
            new GateCheck(
                o.lotId(),
                "PATENTE_NOT_VALID",
                valid,
                "patente "
                    + o.patenteNumber()
                    + " of miner "
                    + o.minerId()
                    + (valid ? " in force on " : " not in force on ")
                    + o.acquiredOn()));
      }
    }
    return checks;
  }

  /**
   * Refuses with the first failed verdict's rule, if any failed; the refusal's field is the subject
   * of the verdict (the parcel or lot id), for the caller to place in its own payload.
   */
  public static void require(
      String shipmentId, List<String> parcelIds, List<Origin> origins, CustodyFacts facts) {
    for (GateCheck c : evaluate(shipmentId, parcelIds, origins, facts)) {
      if (!c.passed()) {
        throw new CustodyRuleViolation(
            c.rule(),
            c.subject(),
            "export gate refuses shipment " + shipmentId + ": " + c.subject() + ": " + c.detail());
      }
    }
  }

  private static GateCheck originCheck(Origin o, CustodyFacts facts) {
    if (o.auditClearance() != null) {
      return new GateCheck(
          o.lotId(),
          "ZONE_NOT_COMPLIANT",
          true,
          "released by forensic audit " + o.auditClearance());
    }
    if (o.zoneId() == null || o.acquiredOn() == null) {
      return new GateCheck(
          o.lotId(), "UNDOCUMENTED_ORIGIN", false, "no documented zone and date of acquisition");
    }
    boolean compliant =
        facts.zone(o.zoneId()).map(z -> z.compliantOn(o.acquiredOn())).orElse(false);
    return new GateCheck(
        o.lotId(),
        "ZONE_NOT_COMPLIANT",
        compliant,
        "zone "
            + o.zoneId()
            + (compliant ? " compliant on " : " not compliant on ")
            + o.acquiredOn());
  }

  /**
   * A parcel is in the shipment while it is assigned to it and active, and stays in it once it has
   * left the country with it: the gate of an exported shipment, read again afterwards (the
   * dossier), judges it as it stood when it left.
   */
  private static GateCheck inShipment(String shipmentId, CustodyFacts.ParcelFacts p) {
    boolean assigned = shipmentId.equals(p.shipmentId());
    if (assigned && p.exported()) {
      return new GateCheck(p.parcelId(), "NOT_IN_SHIPMENT", true, "exported in " + shipmentId);
    }
    return new GateCheck(
        p.parcelId(), "NOT_IN_SHIPMENT", assigned && p.active(), "assigned to " + p.shipmentId());
  }

  private static List<GateCheck> parcelChecks(String shipmentId, String id, CustodyFacts facts) {
    CustodyFacts.ParcelFacts p = facts.parcel(id).orElse(null);
    if (p == null) {
      return List.of(new GateCheck(id, "UNKNOWN_PARCEL", false, "no such parcel"));
    }
    return List.of(
        new GateCheck(
            id,
            "PARCEL_CONFISCATED",
            !p.confiscated(),
            p.confiscated() ? "confiscated" : "not confiscated"),
        new GateCheck(
            id,
            "STOCKPILE_QUARANTINED",
            !p.quarantined(),
            p.quarantined() ? "quarantined stockpile item" : "not quarantined"),
        new GateCheck(id, "NOT_SEALED", p.sealed(), p.sealed() ? "sealed" : "seal missing"),
        inShipment(shipmentId, p));
  }
}
