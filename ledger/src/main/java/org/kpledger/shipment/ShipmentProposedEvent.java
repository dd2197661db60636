package org.kpledger.shipment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.kpledger.parcel.Origin;

/**
 * A shipment was proposed with these parcels, totals and origins.
 *
 * <p>Revision 2: {@code proposedOn} is the proposal's field date (the record day when the signer
 * gave none, and in every revision 1 event) and {@code lateEntry} is decided when the command ran
 * ({@link org.kpledger.custody.FieldDate}); a revision 1 event is not late.
 *
 * @param proposedOn the proposal's field date (Bangui)
 * @param lateEntry recorded more than {@link org.kpledger.custody.FieldDate#LATE_AFTER_DAYS} days
 *     after {@code proposedOn}
 */
@Revision("2")
public record ShipmentProposedEvent(
    String shipmentId,
    String exporter,
    String exporterLicence,
    Importer importer,
    List<String> parcelIds,
    BigDecimal carats,
    BigDecimal valueUsd,
    List<Origin> origins,
    LocalDate proposedOn,
    boolean lateEntry) {}
