package org.kpledger.zone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a sub-prefecture as a zone of origin. */
public record RegisterZoneCommand(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,40}") String zoneId,
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 100) String prefecture) {}
