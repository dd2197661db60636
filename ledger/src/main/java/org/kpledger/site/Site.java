package org.kpledger.site;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.LedgerCalendar;

/**
 * A mining site, its production register and what has been sold from it. Production is counted per
 * register entry: each names its miner and the day its stones were found, and a purchase draws only
 * on its own miner's entries (see {@link #handle(DrawOnProductionCommand, CustodyFacts)}).
 */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
public class Site {
  @AggregateIdentifier private String siteId;
  private String zoneId;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** A register entry and what of it is still unsold. */
  private static final class Entry {
    final String entryId;
    final String minerId;
    final LocalDate day;
    final int order;
    BigDecimal remaining;

    Entry(String entryId, String minerId, LocalDate day, int order, BigDecimal carats) {
      this.entryId = entryId;
      this.minerId = minerId;
      this.day = day;
      this.order = order;
      this.remaining = carats;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && entryId.equals(e.entryId)
          && minerId.equals(e.minerId)
          && day.equals(e.day)
          && order == e.order
          && remaining.compareTo(e.remaining) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(entryId, minerId, day, order);
    }
  }

  /** For Axon. */
  protected Site() {}

  /** Registers the site in a registered zone. */
  @CommandHandler
  public Site(RegisterSiteCommand command, CustodyFacts facts) {
    require(
        facts.zone(command.zoneId()).isPresent(),
        "UNKNOWN_ZONE",
        "zoneId",
        "no zone " + command.zoneId() + " is registered");
    apply(
        new SiteRegisteredEvent(command.siteId(), command.name(), command.zoneId(), command.gps()));
  }

  /** Enters production by a miner registered at this site; each entry id is used once. */
  @CommandHandler
  public void handle(RecordProductionCommand command, CustodyFacts facts) {
    require(
        !entries.containsKey(command.entryId()),
        "DUPLICATE_PRODUCTION_ENTRY",
        "entryId",
        "production entry " + command.entryId() + " is already in the register of " + siteId);
    CustodyFacts.MinerFacts miner =
        facts
            .miner(command.minerId())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_MINER",
                        "minerId",
                        "no miner " + command.minerId() + " is registered"));
    require(
        siteId.equals(miner.siteId()),
        "MINER_NOT_AT_SITE",
        "minerId",
        "miner " + command.minerId() + " is registered at " + miner.siteId() + ", not " + siteId);
    apply(
        new ProductionRecordedEvent(
            siteId,
            command.entryId(),
            command.minerId(),
            command.carats(),
            command.stoneCount(),
            command.occurredAt()));
  }

  /**
   * Draws a purchase on production its miner declared at this site for the purchase's day or
   * earlier (stock is carried: a miner may sell stones found on an earlier day). Production found
   * on a day the zone was not compliant backs only purchases made on a day it is not compliant
   * either, so stones dug under suspension cannot be sold as compliant goods once the zone is
   * cleared. The zone's status on each day is read as recorded when the purchase is.
   *
   * <p>The entries drawn on are chosen so as to leave the most for other purchases, whatever order
   * slips arrive in: first those only a purchase on a non-compliant day may use, then the latest
   * day first (a later entry backs fewer purchases than an earlier one), then in the order
   * recorded.
   */
  @CommandHandler
  public void handle(DrawOnProductionCommand command, CustodyFacts facts) {
    LocalDate day = LedgerCalendar.dateOf(command.occurredAt());
    CustodyFacts.ZoneFacts zone =
        facts
            .zone(zoneId)
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_ZONE",
                        CustodyRuleViolation.NO_FIELD,
                        "no zone " + zoneId + " is registered"));
    boolean compliantPurchase = zone.compliantOn(day);
    List<Entry> owned =
        entries.values().stream()
            .filter(e -> e.minerId.equals(command.minerId()) && !e.day.isAfter(day))
            .filter(e -> e.remaining.signum() > 0)
            .toList();
    List<Entry> usable =
        owned.stream()
            .filter(e -> !compliantPurchase || zone.compliantOn(e.day))
            .sorted(
                Comparator.comparing((Entry e) -> zone.compliantOn(e.day))
                    .thenComparing(e -> e.day, Comparator.reverseOrder())
                    .thenComparing(e -> e.order))
            .toList();
    BigDecimal available = total(usable);
    if (available.compareTo(command.carats()) < 0) {
      require(
          total(owned).compareTo(command.carats()) < 0,
          "PRODUCTION_FROM_NON_COMPLIANT_PERIOD",
          "carats",
          "miner "
              + command.minerId()
              + " has "
              + total(owned)
              + " ct of unsold production at "
              + siteId
              + " declared on or before "
              + day
              + ", but only "
              + available
              + " ct of it was found on days zone "
              + zoneId
              + " was compliant; a purchase on a compliant day cannot draw on the rest");
      throw new CustodyRuleViolation(
          "SALES_EXCEED_PRODUCTION",
          "carats",
          "miner "
              + command.minerId()
              + " has "
              + available
              + " ct of unsold production at "
              + siteId
              + " declared for "
              + day
              + " or earlier; "
              + command.carats()
              + " ct would exceed it");
    }
    List<ProductionDrawnEvent.Draw> drawn = new ArrayList<>();
    BigDecimal left = command.carats();
    for (Entry e : usable) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal take = e.remaining.min(left);
      drawn.add(new ProductionDrawnEvent.Draw(e.entryId, take));
      left = left.subtract(take);
    }
    apply(
        new ProductionDrawnEvent(
            siteId, command.lotId(), command.carats(), command.minerId(), List.copyOf(drawn)));
  }

  private static BigDecimal total(List<Entry> entries) {
    return entries.stream().map(e -> e.remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @EventSourcingHandler
  void on(SiteRegisteredEvent event) {
    siteId = event.siteId();
    zoneId = event.zoneId();
  }

  @EventSourcingHandler
  void on(ProductionRecordedEvent event) {
    entries.put(
        event.entryId(),
        new Entry(
            event.entryId(),
            event.minerId(),
            LedgerCalendar.dateOf(event.occurredAt()),
            entries.size(),
            event.carats()));
  }

  @EventSourcingHandler
  void on(ProductionDrawnEvent event) {
    if (event.drawn() != null) {
      for (ProductionDrawnEvent.Draw d : event.drawn()) {
        Entry e = entries.get(d.entryId());
        e.remaining = e.remaining.subtract(d.carats());
      }
      return;
    }
    // revision 1: one running total per site, drawn on the entries in the order recorded
    BigDecimal left = event.carats();
    for (Entry e : entries.values()) {
      BigDecimal take = e.remaining.max(BigDecimal.ZERO).min(left);
      e.remaining = e.remaining.subtract(take);
      left = left.subtract(take);
    }
  }

  /** What other aggregates may know of this site. */
  public CustodyFacts.SiteFacts facts() {
    return new CustodyFacts.SiteFacts(siteId, zoneId);
  }
}
