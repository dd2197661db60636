package org.kpledger.shipment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.FieldDate;
import org.kpledger.custody.InternalCommands;
import org.kpledger.parcel.AssignToShipmentCommand;
import org.kpledger.parcel.ParcelContribution;
import org.kpledger.parcel.ReleaseFromShipmentCommand;

/** The steps of the export path that move parcels as well as the shipment. */
public class ShipmentHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public ShipmentHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /**
   * Assigns each parcel, then records the proposal on its field date; returns the shipment id. A
   * parcel's refusal names its place in {@code parcelIds}.
   */
  @CommandHandler
  public String handle(ProposeShipmentCommand c, MetaData meta) {
    Set<String> named = new HashSet<>();
    for (int i = 0; i < c.parcelIds().size(); i++) {
      CustodyRuleViolation.require(
          named.add(c.parcelIds().get(i)),
          "DUPLICATE_PARCEL",
          "parcelIds[" + i + "]",
          "a shipment names each parcel once: " + c.parcelIds().get(i));
    }
    FieldDate proposed = FieldDate.of(c.fieldDate(), meta, FieldDate.FIELD);
    List<ParcelContribution> parcels = new ArrayList<>();
    for (int i = 0; i < c.parcelIds().size(); i++) {
      AssignToShipmentCommand assign =
          new AssignToShipmentCommand(c.parcelIds().get(i), c.shipmentId(), proposed.day());
      try {
        parcels.add(internal.send(assign));
      } catch (CustodyRuleViolation e) {
        throw FieldDate.FIELD.equals(e.field()) ? e : e.at("parcelIds[" + i + "]");
      } catch (AggregateNotFoundException e) {
        throw CustodyRuleViolation.unknownItem(assign.parcelId(), "parcelIds[" + i + "]");
      }
    }
    internal.send(
        new CreateShipmentCommand(
            c.shipmentId(), c.exporterLicence(), c.importer(), parcels, proposed));
    return c.shipmentId();
  }

  /** Records the rejection and gives every parcel back to the exporter. */
  @CommandHandler
  public String handle(RejectShipmentCommand c) {
    List<String> parcelIds = internal.send(new RecordRejectionCommand(c.shipmentId(), c.reason()));
    for (String id : parcelIds) {
      internal.send(new ReleaseFromShipmentCommand(id, c.shipmentId()));
    }
    return c.shipmentId();
  }
}
