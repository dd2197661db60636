package org.kpledger.parcel;

import org.kpledger.custody.CustodyFacts;

/**
 * Where a custody item stands, and the one rule that turns it into what the export gate re-checks
 * ({@link CustodyFacts.ParcelFacts}): the {@link Parcel} aggregate derives it from its events, the
 * read side keeps its name in the lineage projection; both build the gate's facts through {@link
 * #facts}.
 */
public enum ParcelState {
  /** Held, movable by its holder. */
  ACTIVE,
  /** Merged or split away: it holds nothing. */
  CONSUMED,
  /** Left the country with its shipment. */
  EXPORTED,
  /** Held by an authority, awaiting disposal. */
  CONFISCATED,
  /** Confiscated and forfeited. */
  FORFEITED;

  /** Whether it still holds stones in the country: neither merged or split away nor exported. */
  public boolean active() {
    return this != CONSUMED && this != EXPORTED;
  }

  /** Whether an authority holds it (confiscated, or forfeited after confiscation). */
  public boolean confiscated() {
    return this == CONFISCATED || this == FORFEITED;
  }

  /**
   * What the export gate re-checks of an item in this state.
   *
   * @param sealed whether it carries a seal
   * @param quarantined whether it is a stockpile item still quarantined
   * @param shipmentId the shipment it was assigned to (kept after it left with it), or null
   */
  public CustodyFacts.ParcelFacts facts(
      String parcelId, String holder, boolean sealed, boolean quarantined, String shipmentId) {
    return new CustodyFacts.ParcelFacts(
        parcelId,
        holder,
        active(),
        sealed,
        confiscated(),
        quarantined,
        shipmentId,
        this == EXPORTED);
  }
}
