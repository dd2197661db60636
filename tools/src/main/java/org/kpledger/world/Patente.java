package org.kpledger.world;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A miner's patente, the licence a miner sells under, as a world's script issues it.
 *
 * @param number the licence number
 * @param from the first day it is valid
 * @param until the last day it is valid
 */
public record Patente(String number, LocalDate from, LocalDate until) {

  /** Checks that every part is present. */
  public Patente {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
  }
}
