package org.kpledger.parcel;

import java.math.BigDecimal;

/**
 * An edge of the custody graph: {@code carats} went from {@code fromParcelId} to {@code
 * toParcelId}.
 */
public record LineageEdge(String fromParcelId, String toParcelId, BigDecimal carats) {}
