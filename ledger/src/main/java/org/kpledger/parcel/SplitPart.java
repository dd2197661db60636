package org.kpledger.parcel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** One part of a split: the new parcel's id and its carats. */
public record SplitPart(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String parcelId,
    @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        BigDecimal carats) {}
