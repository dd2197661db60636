package org.kpledger.certificate;

import org.axonframework.commandhandling.CommandHandler;
import org.kpledger.custody.InternalCommands;
import org.kpledger.shipment.CertifyShipmentCommand;
import org.kpledger.shipment.ShipmentDetails;

/** Issues a certificate: certifies the shipment (gate re-checked), then creates the certificate. */
public class CertificateHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public CertificateHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /** Returns the certificate number. */
  @CommandHandler
  public String handle(IssueCertificateCommand c) {
    ShipmentDetails details =
        internal.send(new CertifyShipmentCommand(c.shipmentId(), c.certificateNumber()));
    internal.send(
        new CreateCertificateCommand(
            c.certificateNumber(), details, c.issuedOn(), c.expiresOn(), c.hsCode()));
    return c.certificateNumber();
  }
}
