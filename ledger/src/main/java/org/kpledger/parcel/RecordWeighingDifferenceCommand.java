package org.kpledger.parcel;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A re-weighing found a different mass; the difference is recorded with its reason. */
public record RecordWeighingDifferenceCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        BigDecimal measuredCarats,
    @NotBlank @Size(max = 500) String reason) {}
