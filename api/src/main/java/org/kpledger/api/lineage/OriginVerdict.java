package org.kpledger.api.lineage;

import java.util.List;
import org.kpledger.shipment.GateCheck;

/**
 * The one verdict a trace summary counts an origin under: its most serious failure, so the counts
 * of a summary add up to its origins. The full checks stay on the origin itself.
 */
public enum OriginVerdict {
  /** Every check passed. */
  COMPLIANT,
  /** The patente was not in force on the purchase day (gate rule PATENTE_NOT_VALID). */
  LICENCE_NOT_IN_FORCE,
  /** The zone was not compliant on the purchase day (gate rule ZONE_NOT_COMPLIANT). */
  NOT_COMPLIANT_ON_PURCHASE_DAY,
  /** A stockpile item without a documented zone and date (gate rule UNDOCUMENTED_ORIGIN). */
  UNDOCUMENTED,
  /** A stockpile item still quarantined, not released by a forensic audit. */
  QUARANTINED,
  /** The lot or stockpile item itself is held confiscated or was forfeited. */
  CONFISCATED;

  /** The most serious verdict among an origin's checks and its item's confiscation. */
  public static OriginVerdict of(List<GateCheck> checks, boolean confiscated) {
    OriginVerdict worst = confiscated ? CONFISCATED : COMPLIANT;
    for (GateCheck c : checks) {
      if (!c.passed()) {
        OriginVerdict v = ofRule(c.rule());
        worst = v.compareTo(worst) > 0 ? v : worst;
      }
    }
    return worst;
  }

  private static OriginVerdict ofRule(String rule) {
    return switch (rule) {
      case "PATENTE_NOT_VALID" -> LICENCE_NOT_IN_FORCE;
      case "ZONE_NOT_COMPLIANT" -> NOT_COMPLIANT_ON_PURCHASE_DAY;
      case "UNDOCUMENTED_ORIGIN" -> UNDOCUMENTED;
      // the gate's origin checks are the four above; a new one counts as the gravest until named
      default -> QUARANTINED;
    };
  }
}
