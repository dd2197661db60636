package org.kpledger.api.lineage;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.kpledger.api.projection.ProjectionWriter;
import org.kpledger.parcel.ConfiscationDisposedEvent;
import org.kpledger.parcel.Disposition;
import org.kpledger.parcel.ParcelAssignedToShipmentEvent;
import org.kpledger.parcel.ParcelConfiscatedEvent;
import org.kpledger.parcel.ParcelExportedEvent;
import org.kpledger.parcel.ParcelReleasedFromShipmentEvent;
import org.kpledger.parcel.ParcelSealedEvent;
import org.kpledger.parcel.ParcelValuedEvent;
import org.kpledger.parcel.QuarantineClearedEvent;
import org.kpledger.parcel.SealOpenedEvent;
import org.kpledger.parcel.TransferAcceptedEvent;
import org.kpledger.parcel.WeighingDifferenceRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each lineage item's current state (holder, mass, valuation, seal, shipment, confiscation,
 * quarantine) in the tables of {@link LineageProjection}, in the same processor.
 */
@Component
@ProcessingGroup(LineageProjection.NAME)
class ItemStateProjector {
  private final ProjectionWriter writer;

  ItemStateProjector(JdbcTemplate jdbc) {
    this.writer = new ProjectionWriter(jdbc);
  }

  @EventHandler
  void on(TransferAcceptedEvent e) {
    set("holder = ?", e.parcelId(), e.toParty());
  }

  @EventHandler
  void on(WeighingDifferenceRecordedEvent e) {
    set("carats = ?", e.parcelId(), e.measuredCarats());
  }

  @EventHandler
  void on(ParcelValuedEvent e) {
    set("value_usd = ?, price_list_version = ?", e.parcelId(), e.valueUsd(), e.priceListVersion());
  }

  @EventHandler
  void on(ParcelSealedEvent e) {
    set("seal_id = ?", e.parcelId(), e.sealId());
  }

  @EventHandler
  void on(SealOpenedEvent e) {
    set("seal_id = NULL, value_usd = NULL, price_list_version = NULL", e.parcelId());
  }

  @EventHandler
  void on(ParcelConfiscatedEvent e) {
    set("state = 'CONFISCATED', holder = ?", e.parcelId(), e.authority());
  }

  @EventHandler
  void on(ConfiscationDisposedEvent e) {
    String state = e.disposition() == Disposition.RETURNED ? "ACTIVE" : "FORFEITED";
    set("state = ?, holder = ?", e.parcelId(), state, e.holder());
  }

  @EventHandler
  void on(QuarantineClearedEvent e) {
    set("quarantined = FALSE", e.parcelId());
    writer.write(
        "UPDATE lineage_origin SET audit_clearance = ? WHERE lot_id = ?",
        e.auditReference(),
        e.parcelId());
  }

  @EventHandler
  void on(ParcelAssignedToShipmentEvent e) {
    set("shipment_id = ?", e.parcelId(), e.shipmentId());
  }

  @EventHandler
  void on(ParcelReleasedFromShipmentEvent e) {
    set("shipment_id = NULL", e.parcelId());
  }

  @EventHandler
  void on(ParcelExportedEvent e) {
    set("state = 'EXPORTED'", e.parcelId());
  }

  private void set(String assignments, String itemId, Object... values) {
    Object[] args = new Object[values.length + 1];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = itemId;
    writer.write("UPDATE lineage_item SET " + assignments + " WHERE item_id = ?", args);
  }
}
