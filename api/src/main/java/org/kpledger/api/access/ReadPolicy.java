package org.kpledger.api.access;

import java.util.EnumSet;
import java.util.Set;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.kpledger.identity.OrganisationType;
import org.springframework.stereotype.Component;

/**
 * Who may read what (one place to read the policy):
 *
 * <ul>
 *   <li>the Monitoring Team, the KP authority and auditors see everything;
 *   <li>a trader (buying office or collector) sees the items it holds or once held, their full
 *       lineage back to the mines (an exporter must know its stock's origins), the shipments it
 *       exported, its own holdings; purchase prices only on its own slips; never a competitor's
 *       items, holdings or shipments;
 *   <li>statistics and purchase counts: a trader counts only its own rows (its purchases, its
 *       acquisitions and exports), never a competitor's;
 *   <li>an importing authority sees certificates in full;
 *   <li>refused attempts: the Monitoring Team, the KP authority and auditors all; any other
 *       organisation its own, a collector its own ({@code api.refusal});
 *   <li>anyone, authenticated or not, sees the public form of a certificate.
 * </ul>
 *
 * For a trader, an item it never held is refused with 403 whether or not it exists, so the answer
 * does not reveal a competitor's stock.
 */
@Component
public class ReadPolicy {
  private static final Set<OrganisationType> OVERSEERS =
      EnumSet.of(
          OrganisationType.KP_AUTHORITY,
          OrganisationType.MONITORING_TEAM,
          OrganisationType.AUDITOR);
  private static final Set<OrganisationType> TRADERS =
      EnumSet.of(OrganisationType.BUYING_OFFICE, OrganisationType.COLLECTORS_ASSOCIATION);

  private final PastHolders custody;

  ReadPolicy(PastHolders custody) {
    this.custody = custody;
  }

  /** Whether the reader's organisation sees the whole ledger. */
  public boolean seesEverything(Actor reader) {
    return OVERSEERS.contains(reader.organisationType());
  }

  /** Refuses all but the Monitoring Team, the KP authority and auditors. */
  public void requireOverseer(Actor reader, String what) {
    if (!seesEverything(reader)) {
      throw QueryRefusedException.notVisible(
          null,
          "only the Monitoring Team, the KP authority and "
              + "auditors may read "
              + what
              + "; a "
              + reader.organisationType()
              + " may not");
    }
  }

  /**
   * Whether the reader may administer the node: rebuild projections, see health details and
   * metrics. The KP authority runs the node; auditors check it.
   */
  public boolean isOperator(Actor reader) {
    OrganisationType t = reader.organisationType();
    return t == OrganisationType.KP_AUTHORITY || t == OrganisationType.AUDITOR;
  }

  /** Refuses all but the KP authority and auditors (projection administration). */
  public void requireAdministrator(Actor reader) {
    if (!isOperator(reader)) {
      throw QueryRefusedException.notVisible(
          null, "only the KP authority and auditors may rebuild projections");
    }
  }

  /** Refuses a reader who may not see the item (a lot, parcel or stockpile item). */
  public void requireItem(Actor reader, String itemId, String field) {
    if (seesEverything(reader)) {
      return;
    }
    if (!TRADERS.contains(reader.organisationType())
        || !custody.everHeldBy(itemId, reader.party())) {
      throw QueryRefusedException.notVisible(
          field, reader.party() + " never held " + itemId + " and may not read its records");
    }
  }

  /** Refuses a reader asking about another party's holdings or balance. */
  public void requireParty(Actor reader, String party, String field) {
    if (!seesEverything(reader) && !party.equals(reader.party())) {
      throw QueryRefusedException.notVisible(
          field, reader.party() + " may read its own holdings and balances, not those of " + party);
    }
  }

  /** Whether a trader may read items it held: everything for overseers, held items for traders. */
  public boolean mayFollow(Actor reader, String itemId) {
    return seesEverything(reader)
        || (TRADERS.contains(reader.organisationType())
            && custody.everHeldBy(itemId, reader.party()));
  }

  /** Whether the reader may see the price on a purchase slip bought by {@code buyerParty}. */
  public boolean seesPrice(Actor reader, String buyerParty) {
    return seesEverything(reader) || reader.party().equals(buyerParty);
  }

  /** Whether the reader is the exporter of a shipment, or sees everything. */
  public boolean seesShipment(Actor reader, String exporter) {
    return seesEverything(reader) || reader.party().equals(exporter);
  }

  /** Whether the reader may count purchases at all (overseers: all; traders: their own). */
  public boolean countsPurchases(Actor reader) {
    return seesEverything(reader) || TRADERS.contains(reader.organisationType());
  }

  /**
   * Whose rows of statistics the reader gets: {@code asked} (null for every party) for overseers; a
   * trader's own party, refused if it asked for another; others are refused.
   */
  public String statisticsParty(Actor reader, String asked, String field) {
    if (seesEverything(reader)) {
      return asked;
    }
    if (!TRADERS.contains(reader.organisationType())) {
      throw QueryRefusedException.notVisible(
          null,
          "statistics are read by the Monitoring Team, the KP authority, auditors and traders "
              + "(their own rows); a "
              + reader.organisationType()
              + " may not");
    }
    if (asked != null && !asked.equals(reader.party())) {
      throw QueryRefusedException.notVisible(
          field, reader.party() + " may read its own statistics, not those of " + asked);
    }
    return reader.party();
  }

  /** Whether the reader may read certificates in full. */
  public boolean seesCertificates(Actor reader) {
    return seesEverything(reader)
        || reader.organisationType() == OrganisationType.IMPORTING_AUTHORITY;
  }
}
