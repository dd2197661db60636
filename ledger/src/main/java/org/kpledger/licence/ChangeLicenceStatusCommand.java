package org.kpledger.licence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends, reinstates or revokes a licence from a date, for a stated reason. */
public record ChangeLicenceStatusCommand(
    @TargetAggregateIdentifier @NotBlank String licenceNumber,
    @NotNull LicenceStatus status,
    @NotNull LocalDate effectiveFrom,
    @NotBlank @Size(max = 500) String reason) {}
