package org.kpledger.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** The KP authority issues the certificate of an approved shipment. */
public record IssueCertificateCommand(
    @NotBlank @Pattern(regexp = "CF[A-Z0-9/-]{3,40}", message = "must start with CF")
        String certificateNumber,
    @NotBlank String shipmentId,
    @NotNull LocalDate issuedOn,
    @NotNull LocalDate expiresOn,
    @NotBlank
        @Pattern(regexp = "7102\\.(10|21|31)", message = "must be 7102.10, 7102.21 or 7102.31")
        String hsCode) {}
