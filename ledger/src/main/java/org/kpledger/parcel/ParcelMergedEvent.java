package org.kpledger.parcel;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A parcel was made by merging others; {@code edges} say how many carats came from each. */
@Revision("1")
public record ParcelMergedEvent(
    String parcelId,
    String holder,
    List<LineageEdge> edges,
    BigDecimal carats,
    List<Origin> origins) {}
