package org.kpledger.shipment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The consignee named on the KP certificate; {@code country} is ISO 3166-1 alpha-2. */
public record Importer(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = "[A-Z]{2}") String country) {}
