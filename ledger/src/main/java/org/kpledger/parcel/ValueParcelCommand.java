package org.kpledger.parcel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The valuation office values a parcel against a price-list version (KP communiqué §10-15). */
public record ValueParcelCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotNull @DecimalMin("0.01") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2)
        BigDecimal valueUsd,
    @NotBlank @Size(max = 60) String priceListVersion) {}
