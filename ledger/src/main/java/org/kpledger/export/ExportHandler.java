package org.kpledger.export;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.kpledger.certificate.RecordCertificateExportCommand;
import org.kpledger.custody.FieldDate;
import org.kpledger.custody.InternalCommands;
import org.kpledger.parcel.MarkExportedCommand;
import org.kpledger.shipment.ExportShipmentCommand;
import org.kpledger.shipment.RecordExportCommand;
import org.kpledger.shipment.ShipmentDetails;

/** Records an export on the shipment, its certificate and each of its parcels. */
public class ExportHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public ExportHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /** Returns the shipment id. */
  @CommandHandler
  public String handle(ExportShipmentCommand c, MetaData meta) {
    FieldDate exported = FieldDate.of(c.fieldDate(), meta, FieldDate.FIELD);
    ShipmentDetails d = internal.send(new RecordExportCommand(c.shipmentId(), exported));
    internal.send(
        new RecordCertificateExportCommand(d.certificateNumber(), c.shipmentId(), exported.day()));
    for (String id : d.parcelIds()) {
      internal.send(new MarkExportedCommand(id, c.shipmentId(), d.certificateNumber()));
    }
    return c.shipmentId();
  }
}
