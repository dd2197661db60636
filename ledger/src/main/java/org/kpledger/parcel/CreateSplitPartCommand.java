package org.kpledger.parcel;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: creates one part of a split parcel. */
record CreateSplitPartCommand(
    @TargetAggregateIdentifier String parcelId,
    String sourceParcelId,
    String holder,
    BigDecimal carats,
    List<Origin> origins) {}
