package org.kpledger.parcel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The holder merges lots or parcels into a new parcel of the declared carats. */
public record MergeParcelsCommand(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String parcelId,
    @NotNull @Size(min = 2, max = 10000) List<@NotBlank String> sourceParcelIds,
    @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        BigDecimal carats) {}
