package org.kpledger.miner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpledger.site.GeoPoint;

/**
 * Registers an artisanal miner working a site under an already issued patente.
 *
 * @param gps the miner's working position, where known (may be null)
 */
public record RegisterMinerCommand(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String minerId,
    @NotBlank @Size(max = 200) String fullName,
    @NotBlank @Size(max = 100) String identityDocument,
    @NotBlank String patenteNumber,
    @NotBlank String siteId,
    @Valid GeoPoint gps) {}
