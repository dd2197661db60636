package org.kpledger.parcel;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Custody passed from one party to another.
 *
 * <p>Revision 2 adds the field date and the late-entry flag, decided when the command ran ({@link
 * org.kpledger.custody.FieldDate}). A revision 1 event has neither: its field date is its record
 * day ({@code fieldDate} null) and it is not late.
 *
 * @param fieldDate the day the receiver took the item, on which its licence was judged, or null in
 *     a revision 1 event
 * @param lateEntry recorded more than {@link org.kpledger.custody.FieldDate#LATE_AFTER_DAYS} days
 *     after {@code fieldDate}
 */
@Revision("2")
public record TransferAcceptedEvent(
    String parcelId,
    String transferId,
    String fromParty,
    String toParty,
    String sealId,
    LocalDate fieldDate,
    boolean lateEntry) {}
