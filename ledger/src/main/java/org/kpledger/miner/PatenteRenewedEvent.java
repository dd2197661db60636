package org.kpledger.miner;

import org.axonframework.serialization.Revision;

/** The miner now works under {@code patenteNumber}, replacing {@code previousPatenteNumber}. */
@Revision("1")
public record PatenteRenewedEvent(
    String minerId, String previousPatenteNumber, String patenteNumber) {}
