package org.kpledger.parcel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The holder splits a parcel into parts whose carats add up to the parcel's. */
public record SplitParcelCommand(
    @NotBlank String parcelId, @NotNull @Size(min = 2, max = 1000) List<@Valid SplitPart> parts) {}
