package org.kpledger.shipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.kpledger.certificate.RecordCertificateExportCommand;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.InternalCommands;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.parcel.AssignToShipmentCommand;
import org.kpledger.parcel.MarkExportedCommand;
import org.kpledger.parcel.ParcelContribution;
import org.kpledger.parcel.ReleaseFromShipmentCommand;

/** The steps of the export path that move parcels as well as the shipment. */
public class ShipmentHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public ShipmentHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /** Assigns each parcel, then records the proposal; returns the shipment id. */
  @CommandHandler
  public String handle(ProposeShipmentCommand c, MetaData meta) {
    CustodyRuleViolation.require(
        new HashSet<>(c.parcelIds()).size() == c.parcelIds().size(),
        "DUPLICATE_PARCEL",
        "a shipment names each parcel once");
    List<ParcelContribution> parcels = new ArrayList<>();
    for (String id : c.parcelIds()) {
      parcels.add(internal.send(new AssignToShipmentCommand(id, c.shipmentId())));
    }
    internal.send(
        new CreateShipmentCommand(
            c.shipmentId(), c.exporterLicence(), c.importer(), parcels, recordDay(meta)));
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

  /** Records the export on the shipment, its certificate and each parcel. */
  @CommandHandler
  public String handle(ExportShipmentCommand c, MetaData meta) {
    LocalDate day = recordDay(meta);
    ShipmentDetails d = internal.send(new RecordExportCommand(c.shipmentId(), day));
    internal.send(new RecordCertificateExportCommand(d.certificateNumber(), c.shipmentId(), day));
    for (String id : d.parcelIds()) {
      internal.send(new MarkExportedCommand(id, c.shipmentId(), d.certificateNumber()));
    }
    return c.shipmentId();
  }

  /** The ledger's record day (Bangui) of the command being handled. */
  static LocalDate recordDay(MetaData meta) {
    return LedgerMetaData.recordDay(meta);
  }
}
