package org.kpledger.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The issuing authority corrects a field by endorsement; the original stays in the history. */
public record EndorseCertificateCommand(
    @TargetAggregateIdentifier @NotBlank String certificateNumber,
    @NotNull EndorsableField field,
    @NotBlank @Size(max = 200) String correctedValue,
    @NotBlank @Size(max = 1000) String reason) {}
