package org.kpledger.certificate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The importing authority confirms receipt (Core Document Section III(b)): certificate number,
 * number of parcels, carats, importer and exporter as found on arrival.
 */
public record ConfirmImportCommand(
    @TargetAggregateIdentifier @NotBlank String certificateNumber,
    @NotNull LocalDate receivedOn,
    @NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        BigDecimal carats,
    @Min(1) @Max(100000) int parcelCount,
    @NotBlank @Size(max = 200) String importerName,
    @NotBlank @Size(max = 200) String exporter) {}
