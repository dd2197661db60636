package org.kpledger.shipment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A buying office proposes to export parcels it holds, under its export licence.
 *
 * @param fieldDate the day (Bangui) of the proposal; optional, the record day when absent; not
 *     after the record day, not before any parcel's previous custody step; the export licence is
 *     judged on it ({@link org.kpledger.custody.FieldDate})
 */
public record ProposeShipmentCommand(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String shipmentId,
    @NotBlank String exporterLicence,
    @NotNull @Valid Importer importer,
    @NotNull @Size(min = 1, max = 1000) List<@NotBlank String> parcelIds,
    LocalDate fieldDate) {}
