package org.kpledger.parcel;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A parcel gave up all its contents to a merge or split; it no longer holds stones. */
@Revision("1")
public record ParcelConsumedEvent(String parcelId, String operation, List<LineageEdge> edges) {}
