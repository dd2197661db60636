package org.kpledger.api.zone;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.kpledger.api.projection.JdbcProjection;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.site.SiteRegisteredEvent;
import org.kpledger.zone.ZoneDecisionRecordedEvent;
import org.kpledger.zone.ZoneRegisteredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Zones with their decisions as signed (actor, organisation, role, command, record time: the
 * registry keeps only what the export gate needs) and purchase counters per zone, Bangui day of
 * purchase and buyer, with how many were recorded while the zone's history then showed it not
 * compliant. Counting by day lets a query split purchases at any decision, including one recorded
 * late. The sites of each zone, with their coordinates, for the console's schematic.
 */
@Component
@ProcessingGroup(ZoneHistoryProjection.NAME)
class ZoneHistoryProjection extends JdbcProjection {
  static final String NAME = "zones";

  ZoneHistoryProjection(JdbcTemplate jdbc) {
    super(jdbc, NAME);
    table(
        "zone_history_zone",
        "zone_id VARCHAR(128) PRIMARY KEY, name VARCHAR(200), prefecture VARCHAR(200)");
    table(
        "zone_history_decision",
        "zone_id VARCHAR(128) NOT NULL, effective_from DATE NOT NULL, "
            + "status VARCHAR(16) NOT NULL, decision_ref VARCHAR(200), "
            + "signed_by VARCHAR(200), signer_organisation VARCHAR(200), signer_role VARCHAR(64), "
            + "command_id VARCHAR(200), recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "PRIMARY KEY (zone_id, effective_from)");
    table(
        "zone_history_purchase",
        "zone_id VARCHAR(128) NOT NULL, purchase_day DATE NOT NULL, "
            + "buyer_party VARCHAR(128) NOT NULL, purchases INT NOT NULL, "
            + "carats DECIMAL(19,2) NOT NULL, recorded_non_compliant INT NOT NULL, "
            + "PRIMARY KEY (zone_id, purchase_day, buyer_party)");
    table(
        "zone_history_site",
        "site_id VARCHAR(128) PRIMARY KEY, name VARCHAR(200), zone_id VARCHAR(128) NOT NULL, "
            + "latitude DECIMAL(12,8), longitude DECIMAL(12,8)");
    create();
  }

  @EventHandler
  void on(ZoneRegisteredEvent e) {
    write(
        "INSERT INTO zone_history_zone (zone_id, name, prefecture) VALUES (?, ?, ?)",
        e.zoneId(),
        e.name(),
        e.prefecture());
  }

  @EventHandler
  void on(ZoneDecisionRecordedEvent e, MetaData meta, @Timestamp Instant ts) {
    write(
        "INSERT INTO zone_history_decision (zone_id, effective_from, status, decision_ref, "
            + "signed_by, signer_organisation, signer_role, command_id, recorded_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.zoneId(),
        e.effectiveFrom(),
        e.status().name(),
        e.decisionRef(),
        text(meta, LedgerMetaData.ACTOR_ID),
        text(meta, LedgerMetaData.ORGANISATION_ID),
        text(meta, LedgerMetaData.ROLE),
        text(meta, LedgerMetaData.COMMAND_ID),
        recordedAt(meta, ts));
  }

  /** A site registered without coordinates (they may be unknown) is kept without them. */
  @EventHandler
  void on(SiteRegisteredEvent e) {
    write(
        "INSERT INTO zone_history_site (site_id, name, zone_id, latitude, longitude) "
            + "VALUES (?, ?, ?, ?, ?)",
        e.siteId(),
        e.name(),
        e.zoneId(),
        e.gps() == null ? null : e.gps().latitude(),
        e.gps() == null ? null : e.gps().longitude());
  }

  @EventHandler
  void on(LotPurchasedEvent e) {
    addTo(
        "zone_history_purchase",
        columns(
            "zone_id",
            e.zoneId(),
            "purchase_day",
            LedgerCalendar.dateOf(e.occurredAt()),
            "buyer_party",
            e.buyerParty()),
        columns(
            "purchases",
            1,
            "carats",
            e.carats(),
            "recorded_non_compliant",
            e.zoneCompliantOnPurchaseDay() ? 0 : 1));
  }

  private static String text(MetaData meta, String key) {
    Object v = meta.get(key);
    return v == null ? null : v.toString();
  }
}
