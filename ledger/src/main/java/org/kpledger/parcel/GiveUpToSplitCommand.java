package org.kpledger.parcel;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: a parcel is split into parts whose carats must add up to its own. */
record GiveUpToSplitCommand(@TargetAggregateIdentifier String parcelId, List<SplitPart> parts) {}
