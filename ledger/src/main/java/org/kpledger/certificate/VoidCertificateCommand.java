package org.kpledger.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The KP authority voids a certificate. */
public record VoidCertificateCommand(
    @TargetAggregateIdentifier @NotBlank String certificateNumber,
    @NotBlank @Size(max = 1000) String reason) {}
