package org.kpledger.stockpile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A holder declares a stockpile: its location and items, as counted on {@code declaredOn}. */
public record DeclareStockpileCommand(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String stockpileId,
    @NotNull LocalDate declaredOn,
    @NotBlank @Size(max = 200) String location,
    @NotNull @Size(min = 1, max = 10000) List<@Valid StockpileItem> items) {

  /** No item can have been acquired after the day the stockpile was counted. */
  @AssertTrue(message = "no item may be acquired after declaredOn")
  public boolean isAcquiredBeforeDeclaration() {
    return declaredOn == null
        || items == null
        || items.stream()
            .allMatch(
                i -> i == null || i.acquiredOn() == null || !i.acquiredOn().isAfter(declaredOn));
  }
}
