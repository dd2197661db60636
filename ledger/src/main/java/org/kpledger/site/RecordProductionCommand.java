package org.kpledger.site;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An entry of a site's production register: stones a registered miner found there. */
public record RecordProductionCommand(
    @TargetAggregateIdentifier @NotBlank String siteId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_./-]{1,80}") String entryId,
    @NotBlank String minerId,
    @NotNull @DecimalMin(value = "0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
        BigDecimal carats,
    @Min(1) @Max(1000000) int stoneCount,
    @NotNull Instant occurredAt) {}
