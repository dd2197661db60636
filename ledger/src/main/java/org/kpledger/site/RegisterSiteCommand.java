package org.kpledger.site;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a mining site in a zone; {@code gps} may be null where unknown. */
public record RegisterSiteCommand(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String siteId,
    @NotBlank @Size(max = 200) String name,
    @NotBlank String zoneId,
    @Valid GeoPoint gps) {}
