package org.kpledger.licence;

import java.time.LocalDate;
import java.util.Optional;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.identity.Role;

/**
 * Whether a party held a licence of the kind its role requires, in force on the day of an act
 * (kp-facts rule 1, licence at event time; CAR Ordonnance 83-024 art. 1 and 2): a collector trades
 * under its own agrément, a buying office under its export licence, and only a buying office
 * exports. The one place the aggregates ask this.
 */
public final class LicenceStanding {
  private LicenceStanding() {}

  /**
   * The licence a trading role must hold to buy or take custody of rough diamonds, if the role may
   * trade at all: {@link LicenceKind#AGREMENT} for a collector, {@link LicenceKind#EXPORT_LICENCE}
   * for a buying office's buyer.
   */
  public static Optional<LicenceKind> requiredFor(Role role) {
    return switch (role) {
      case COLLECTOR -> Optional.of(LicenceKind.AGREMENT);
      case BUYER -> Optional.of(LicenceKind.EXPORT_LICENCE);
      default -> Optional.empty();
    };
  }

  /**
   * Why licence {@code number} does not let {@code party} act as a holder of {@code kind} on {@code
   * day}, or empty when it does: it must have been issued, be of that kind, be held by that party,
   * and be in force that day (inside its validity, not suspended or revoked).
   */
  public static Optional<String> failure(
      CustodyFacts facts, String number, LicenceKind kind, String party, LocalDate day) {
    CustodyFacts.LicenceFacts licence = number == null ? null : facts.licence(number).orElse(null);
    if (licence == null) {
      return Optional.of("no licence " + number + " was issued");
    }
    if (!kind.name().equals(licence.kind()) || !licence.holderId().equals(party)) {
      return Optional.of("licence " + number + " is not an " + kind + " held by " + party);
    }
    if (!licence.validOn(day)) {
      return Optional.of("licence " + number + " of " + party + " was not in force on " + day);
    }
    return Optional.empty();
  }
}
