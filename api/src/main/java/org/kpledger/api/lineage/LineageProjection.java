package org.kpledger.api.lineage;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.kpledger.api.projection.JdbcProjection;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.parcel.LineageEdge;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.parcel.Origin;
import org.kpledger.parcel.ParcelConsumedEvent;
import org.kpledger.parcel.ParcelMergedEvent;
import org.kpledger.parcel.ParcelSplitOffEvent;
import org.kpledger.parcel.StockpileItemDeclaredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lineage graph: every custody item (lot, stockpile item, merged or split parcel), every merge
 * and split edge with its carats, every origin (a purchase slip or a declared stockpile item) and,
 * for each item, the origins it carries. The item's changing state (holder, seal, valuation,
 * shipment) is kept by {@link ItemStateProjector} in the same processor.
 */
@Component
@ProcessingGroup(LineageProjection.NAME)
class LineageProjection extends JdbcProjection {
  static final String NAME = "lineage";

  LineageProjection(JdbcTemplate jdbc) {
    super(jdbc, NAME);
    table(
        "lineage_item",
        "item_id VARCHAR(128) PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
            + "carats DECIMAL(19,2) NOT NULL, holder VARCHAR(128) NOT NULL, "
            + "state VARCHAR(16) NOT NULL, shipment_id VARCHAR(128), seal_id VARCHAR(128), "
            + "value_usd DECIMAL(19,2), price_list_version VARCHAR(128), "
            + "quarantined BOOLEAN NOT NULL, stockpile_id VARCHAR(128), "
            + "created_at TIMESTAMP WITH TIME ZONE NOT NULL");
    table(
        "lineage_edge",
        "from_item VARCHAR(128) NOT NULL, to_item VARCHAR(128) NOT NULL, "
            + "carats DECIMAL(19,2) NOT NULL, operation VARCHAR(16) NOT NULL, "
            + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (from_item, to_item)");
    table(
        "lineage_origin",
        "lot_id VARCHAR(128) PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
            + "slip_number VARCHAR(128), miner_id VARCHAR(128), patente_number VARCHAR(128), "
            + "site_id VARCHAR(128), zone_id VARCHAR(128), acquired_on DATE, "
            + "occurred_at TIMESTAMP WITH TIME ZONE, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "carats DECIMAL(19,2) NOT NULL, stone_count INT, price_usd DECIMAL(19,2), "
            + "buyer_party VARCHAR(128), buyer_licence VARCHAR(128), zone_compliant_recorded BOOLEAN, "
            + "stockpile_id VARCHAR(128), quarantine_reason VARCHAR(1000), "
            + "audit_clearance VARCHAR(200), late_entry BOOLEAN");
    table(
        "lineage_item_origin",
        "item_id VARCHAR(128) NOT NULL, lot_id VARCHAR(128) NOT NULL, "
            + "PRIMARY KEY (item_id, lot_id)");
    index("lineage_edge_to ON lineage_edge (to_item)");
    // traces read the few confiscated or forfeited items among thousands
    index("lineage_item_state ON lineage_item (state)");
    index("lineage_item_origin_lot ON lineage_item_origin (lot_id)");
    index("lineage_origin_miner ON lineage_origin (miner_id)");
    index("lineage_origin_site ON lineage_origin (site_id)");
    index("lineage_origin_zone ON lineage_origin (zone_id)");
    index("lineage_origin_buyer ON lineage_origin (buyer_party)");
    create();
    // a table created before slips carried their late-entry flag gains the column; its rows keep
    // null, which LineageGraph reads with the ledger's rule until the projection is replayed
    jdbc.execute("ALTER TABLE lineage_origin ADD COLUMN IF NOT EXISTS late_entry BOOLEAN");
  }

  @EventHandler
  void on(LotPurchasedEvent e, MetaData meta, @Timestamp Instant ts) {
    item(e.lotId(), "LOT", e.carats(), e.buyerParty(), null, meta, ts);
    write(
        "INSERT INTO lineage_origin (lot_id, kind, slip_number, miner_id, patente_number, "
            + "site_id, zone_id, acquired_on, occurred_at, recorded_at, carats, stone_count, price_usd, "
            + "buyer_party, buyer_licence, zone_compliant_recorded, late_entry) "
            + "VALUES (?, 'LOT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.lotId(),
        e.slipNumber(),
        e.minerId(),
        e.patenteNumber(),
        e.siteId(),
        e.zoneId(),
        LedgerCalendar.dateOf(e.occurredAt()),
        utc(e.occurredAt()),
        recordedAt(meta, ts),
        e.carats(),
        e.stoneCount(),
        e.priceUsd(),
        e.buyerParty(),
        e.buyerLicence(),
        e.zoneCompliantOnPurchaseDay(),
        e.lateEntry());
    carries(e.lotId(), List.of(e.lotId()));
  }

  @EventHandler
  void on(StockpileItemDeclaredEvent e, MetaData meta, @Timestamp Instant ts) {
    item(e.parcelId(), "STOCKPILE", e.carats(), e.holder(), e.stockpileId(), meta, ts);
    if (e.quarantineReason() != null) {
      write("UPDATE lineage_item SET quarantined = TRUE WHERE item_id = ?", e.parcelId());
    }
    write(
        "INSERT INTO lineage_origin (lot_id, kind, zone_id, acquired_on, recorded_at, "
            + "carats, buyer_party, stockpile_id, quarantine_reason) "
            + "VALUES (?, 'STOCKPILE', ?, ?, ?, ?, ?, ?, ?)",
        e.parcelId(),
        e.zoneId(),
        e.acquiredOn(),
        recordedAt(meta, ts),
        e.carats(),
        e.holder(),
        e.stockpileId(),
        e.quarantineReason());
    carries(e.parcelId(), List.of(e.parcelId()));
  }

  @EventHandler
  void on(ParcelMergedEvent e, MetaData meta, @Timestamp Instant ts) {
    item(e.parcelId(), "MERGED", e.carats(), e.holder(), null, meta, ts);
    carries(e.parcelId(), e.origins().stream().map(Origin::lotId).toList());
  }

  @EventHandler
  void on(ParcelSplitOffEvent e, MetaData meta, @Timestamp Instant ts) {
    item(e.parcelId(), "SPLIT", e.carats(), e.holder(), null, meta, ts);
    carries(e.parcelId(), e.origins().stream().map(Origin::lotId).toList());
  }

  /** Merge and split edges are taken from the source's side, where both operations record them. */
  @EventHandler
  void on(ParcelConsumedEvent e, MetaData meta, @Timestamp Instant ts) {
    write("UPDATE lineage_item SET state = 'CONSUMED' WHERE item_id = ?", e.parcelId());
    for (LineageEdge edge : e.edges()) {
      write(
          "INSERT INTO lineage_edge (from_item, to_item, carats, operation, recorded_at) "
              + "VALUES (?, ?, ?, ?, ?)",
          edge.fromParcelId(),
          edge.toParcelId(),
          edge.carats(),
          e.operation(),
          recordedAt(meta, ts));
    }
  }

  private void item(
      String id,
      String kind,
      java.math.BigDecimal carats,
      String holder,
      String stockpileId,
      MetaData meta,
      Instant ts) {
    write(
        "INSERT INTO lineage_item (item_id, kind, carats, holder, state, quarantined, "
            + "stockpile_id, created_at) VALUES (?, ?, ?, ?, 'ACTIVE', FALSE, ?, ?)",
        id,
        kind,
        carats,
        holder,
        stockpileId,
        recordedAt(meta, ts));
  }

  private void carries(String itemId, List<String> lotIds) {
    for (String lot : lotIds.stream().distinct().toList()) {
      write("INSERT INTO lineage_item_origin (item_id, lot_id) VALUES (?, ?)", itemId, lot);
    }
  }
}
