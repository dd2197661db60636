package org.kpledger.parcel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: a source of a merge gives up its contents to the merged parcel. */
record GiveUpToMergeCommand(@TargetAggregateIdentifier String parcelId, String mergedParcelId) {}
