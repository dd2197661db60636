package org.kpledger.parcel;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A parcel was split off another and carries all of the source's origins. */
@Revision("1")
public record ParcelSplitOffEvent(
    String parcelId,
    String sourceParcelId,
    String holder,
    BigDecimal carats,
    List<Origin> origins) {}
