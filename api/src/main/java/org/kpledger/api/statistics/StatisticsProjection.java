package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.kpledger.api.projection.JdbcProjection;
import org.kpledger.certificate.CertificateIssuedEvent;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationType;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.parcel.ParcelMergedEvent;
import org.kpledger.parcel.ParcelSplitOffEvent;
import org.kpledger.parcel.StockpileItemDeclaredEvent;
import org.kpledger.parcel.TransferAcceptedEvent;
import org.kpledger.parcel.WeighingDifferenceRecordedEvent;
import org.kpledger.shipment.ShipmentExportedEvent;
import org.kpledger.shipment.ShipmentProposedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Monthly counters: purchases per zone and buyer ({@code stat_production}), acquisitions and
 * exports per buying office ({@code stat_office}), exports and certificates per exporter ({@code
 * stat_export}). A month is kept as its first day. The current mass of every item ({@code
 * stat_item}) and each proposed shipment's totals ({@code stat_shipment}) are kept only to count a
 * transfer's carats and an export's totals when they happen.
 */
@Component
@ProcessingGroup(StatisticsProjection.NAME)
class StatisticsProjection extends JdbcProjection {
  static final String NAME = "statistics";
  private static final String COUNTER = " INT DEFAULT 0 NOT NULL, ";
  private static final String AMOUNT = " DECIMAL(19,2) DEFAULT 0 NOT NULL";

  StatisticsProjection(JdbcTemplate jdbc) {
    super(jdbc, NAME);
    table(
        "stat_production",
        "zone_id VARCHAR(128) NOT NULL, month_start DATE NOT NULL, "
            + "buyer_party VARCHAR(128) NOT NULL, purchases"
            + COUNTER
            + "carats"
            + AMOUNT
            + ", value_usd"
            + AMOUNT
            + ", PRIMARY KEY (zone_id, month_start, buyer_party)");
    table(
        "stat_office",
        "party VARCHAR(128) NOT NULL, month_start DATE NOT NULL, purchases"
            + COUNTER
            + "carats_purchased"
            + AMOUNT
            + ", value_purchased_usd"
            + AMOUNT
            + ", carats_received"
            + AMOUNT
            + ", shipments_exported"
            + COUNTER
            + "carats_exported"
            + AMOUNT
            + ", value_exported_usd"
            + AMOUNT
            + ", PRIMARY KEY (party, month_start)");
    table(
        "stat_export",
        "month_start DATE NOT NULL, exporter VARCHAR(128) NOT NULL, shipments"
            + COUNTER
            + "carats"
            + AMOUNT
            + ", value_usd"
            + AMOUNT
            + ", certificates_issued INT DEFAULT 0 NOT NULL, PRIMARY KEY (month_start, exporter)");
    table("stat_item", "item_id VARCHAR(128) PRIMARY KEY, carats DECIMAL(19,2) NOT NULL");
    table(
        "stat_shipment",
        "shipment_id VARCHAR(128) PRIMARY KEY, exporter VARCHAR(128) NOT NULL, "
            + "carats DECIMAL(19,2) NOT NULL, value_usd DECIMAL(19,2)");
    create();
  }

  @EventHandler
  void on(LotPurchasedEvent e, MetaData meta) {
    LocalDate month = month(LedgerCalendar.dateOf(e.occurredAt()));
    addTo(
        "stat_production",
        columns("zone_id", e.zoneId(), "month_start", month, "buyer_party", e.buyerParty()),
        columns("purchases", 1, "carats", e.carats(), "value_usd", e.priceUsd()));
    if (byBuyingOffice(meta)) {
      addTo(
          "stat_office",
          columns("party", e.buyerParty(), "month_start", month),
          columns(
              "purchases", 1, "carats_purchased", e.carats(), "value_purchased_usd", e.priceUsd()));
    }
    item(e.lotId(), e.carats());
  }

  @EventHandler
  void on(StockpileItemDeclaredEvent e) {
    item(e.parcelId(), e.carats());
  }

  @EventHandler
  void on(ParcelMergedEvent e) {
    item(e.parcelId(), e.carats());
  }

  @EventHandler
  void on(ParcelSplitOffEvent e) {
    item(e.parcelId(), e.carats());
  }

  @EventHandler
  void on(WeighingDifferenceRecordedEvent e) {
    write("UPDATE stat_item SET carats = ? WHERE item_id = ?", e.measuredCarats(), e.parcelId());
  }

  /** The receiver signs the acceptance, so its organisation type says if a buying office bought. */
  @EventHandler
  void on(TransferAcceptedEvent e, MetaData meta, @Timestamp Instant ts) {
    if (!byBuyingOffice(meta)) {
      return;
    }
    // sends the batch's pending writes to stat_item only: a transfer in every fourth command of the
    // benchmark's mix no longer breaks the other tables' writes into one round trip each
    List<BigDecimal> carats =
        queryForList(
            "SELECT carats FROM stat_item WHERE item_id = ?", BigDecimal.class, e.parcelId());
    if (!carats.isEmpty()) {
      LocalDate day =
          e.fieldDate() != null
              ? e.fieldDate()
              : LedgerCalendar.dateOf(recordedAt(meta, ts).toInstant());
      addTo(
          "stat_office",
          columns("party", e.toParty(), "month_start", month(day)),
          columns("carats_received", carats.get(0)));
    }
  }

  @EventHandler
  void on(ShipmentProposedEvent e) {
    write(
        "INSERT INTO stat_shipment (shipment_id, exporter, carats, value_usd) VALUES (?, ?, ?, ?)",
        e.shipmentId(),
        e.exporter(),
        e.carats(),
        e.valueUsd());
  }

  /** Only licensed buying offices export (Ordonnance 83-024 art. 1), so the exporter is one. */
  @EventHandler
  void on(ShipmentExportedEvent e) {
    Map<String, Object> s =
        jdbc.queryForMap(
            "SELECT exporter, carats, value_usd FROM stat_shipment WHERE shipment_id = ?",
            e.shipmentId());
    String exporter = (String) s.get("EXPORTER");
    BigDecimal carats = (BigDecimal) s.get("CARATS");
    BigDecimal value =
        s.get("VALUE_USD") == null ? BigDecimal.ZERO : (BigDecimal) s.get("VALUE_USD");
    LocalDate month = month(e.exportedOn());
    addTo(
        "stat_export",
        columns("month_start", month, "exporter", exporter),
        columns("shipments", 1, "carats", carats, "value_usd", value));
    addTo(
        "stat_office",
        columns("party", exporter, "month_start", month),
        columns("shipments_exported", 1, "carats_exported", carats, "value_exported_usd", value));
  }

  @EventHandler
  void on(CertificateIssuedEvent e) {
    addTo(
        "stat_export",
        columns("month_start", month(e.issuedOn()), "exporter", e.exporter()),
        columns("certificates_issued", 1));
  }

  private void item(String itemId, BigDecimal carats) {
    write("INSERT INTO stat_item (item_id, carats) VALUES (?, ?)", itemId, carats);
  }

  private static boolean byBuyingOffice(MetaData meta) {
    return OrganisationType.BUYING_OFFICE.name().equals(meta.get(LedgerMetaData.ORGANISATION_TYPE));
  }

  static LocalDate month(LocalDate day) {
    return day.withDayOfMonth(1);
  }
}
