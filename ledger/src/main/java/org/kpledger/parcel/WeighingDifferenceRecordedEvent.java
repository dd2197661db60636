package org.kpledger.parcel;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A parcel's mass was corrected by a re-weighing, within the allowed bound. */
@Revision("1")
public record WeighingDifferenceRecordedEvent(
    String parcelId, BigDecimal previousCarats, BigDecimal measuredCarats, String reason) {}
