package org.kpledger.licence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The KP authority issues a licence to a miner, collector or buying office. */
public record IssueLicenceCommand(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = "[A-Za-z0-9/_.-]{2,60}")
        String licenceNumber,
    @NotNull LicenceKind kind,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String holderId,
    @NotNull LocalDate validFrom,
    @NotNull LocalDate validUntil) {}
