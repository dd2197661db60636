package org.kpledger.shipment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: records a rejection and returns the parcels to release. */
record RecordRejectionCommand(@TargetAggregateIdentifier String shipmentId, String reason) {}
