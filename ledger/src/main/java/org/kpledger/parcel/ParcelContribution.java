package org.kpledger.parcel;

import java.math.BigDecimal;
import java.util.List;

/** What an item gives to a merge, split or shipment: its mass, value and origins. */
public record ParcelContribution(
    String parcelId, BigDecimal carats, BigDecimal valueUsd, List<Origin> origins) {}
