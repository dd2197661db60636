package org.kpledger.parcel;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: creates a merged parcel from the contributions its sources gave up. */
record CreateMergedParcelCommand(
    @TargetAggregateIdentifier String parcelId,
    List<ParcelContribution> sources,
    BigDecimal declaredCarats) {}
