package org.kpledger.lot;

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

/**
 * A purchase slip: stones bought from a registered miner by a licensed collector or buying office.
 *
 * @param lotId the id the new lot takes
 * @param slipNumber the number printed on the paper slip
 * @param buyerLicence the buyer's own agrément (collector) or export licence (buying office)
 * @param occurredAt when the purchase happened in the field
 */
public record RecordPurchaseCommand(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String lotId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_./-]{1,80}") String slipNumber,
    @NotBlank String minerId,
    @NotBlank String siteId,
    @NotNull @DecimalMin("0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
        BigDecimal carats,
    @Min(1) @Max(1000000) int stoneCount,
    @NotNull @DecimalMin("0.00") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2)
        BigDecimal priceUsd,
    @NotBlank String buyerLicence,
    @NotNull Instant occurredAt) {}
