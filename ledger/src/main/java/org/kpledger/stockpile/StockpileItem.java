package org.kpledger.stockpile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One declared item; {@code zoneId} and {@code acquiredOn} are null where undocumented. */
public record StockpileItem(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String parcelId,
    @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        BigDecimal carats,
    String zoneId,
    LocalDate acquiredOn,
    @Size(max = 500) String description) {}
