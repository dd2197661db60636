package org.kpledger.parcel;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A parcel was valued by the valuation office. */
@Revision("1")
public record ParcelValuedEvent(
    String parcelId, BigDecimal valueUsd, String priceListVersion, BigDecimal carats) {}
