package org.kpledger.shipment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The shipment left the country.
 *
 * <p>Revision 2: {@code exportedOn} is the export's field date (the record day when the signer gave
 * none, and in every revision 1 event) and {@code lateEntry} is decided when the command ran
 * ({@link org.kpledger.custody.FieldDate}); a revision 1 event is not late.
 *
 * @param exportedOn the export's field date (Bangui)
 * @param lateEntry recorded more than {@link org.kpledger.custody.FieldDate#LATE_AFTER_DAYS} days
 *     after {@code exportedOn}
 */
@Revision("2")
public record ShipmentExportedEvent(
    String shipmentId, String certificateNumber, LocalDate exportedOn, boolean lateEntry) {}
