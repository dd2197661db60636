package org.kpledger.shipment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A buying office proposes to export parcels it holds, under its export licence. */
public record ProposeShipmentCommand(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String shipmentId,
    @NotBlank String exporterLicence,
    @NotNull @Valid Importer importer,
    @NotNull @Size(min = 1, max = 1000) List<@NotBlank String> parcelIds) {}
