package org.kpledger.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The rule that turns what happened to a certificate into its {@link CertificateStatus} on a day;
 * every read of a certificate (the full record, the public check, a dossier) calls it, so they
 * cannot disagree.
 *
 * @param status the status on the day
 * @param mismatchedFields the fields an import confirmation found different from the certificate
 *     ({@code carats}, {@code parcelCount}, {@code importer}, {@code exporter}), in the order
 *     recorded; empty unless {@code status} is {@link CertificateStatus#CONFIRMED_WITH_MISMATCHES}
 */
public record CertificateStanding(CertificateStatus status, List<String> mismatchedFields) {

  /** Copies the list. */
  public CertificateStanding {
    Objects.requireNonNull(status, "status");
    mismatchedFields = List.copyOf(mismatchedFields);
  }

  /**
   * What is known about one certificate.
   *
   * @param voided whether it was voided
   * @param expiresOn its expiry day as endorsed
   * @param exportedOn the day the shipment left under it, or null
   * @param confirmationMismatches the mismatches of the import confirmation recorded on the ledger
   *     ({@link ImportConfirmedEvent#mismatches()}), empty when it matched, null when there is none
   * @param confirmedOnChannel whether a confirmation was recorded from the Fabric channel
   */
  public record Facts(
      boolean voided,
      LocalDate expiresOn,
      LocalDate exportedOn,
      List<String> confirmationMismatches,
      boolean confirmedOnChannel) {}

  /**
   * Judges a certificate on a day.
   *
   * @param facts what is known about it
   * @param today the day (in Bangui) to judge on
   * @param confirmationDelayDays after how many days from export a missing confirmation makes it
   *     {@link CertificateStatus#UNCONFIRMED} (kp-facts rule 8: a configurable delay)
   * @return its standing
   */
  public static CertificateStanding on(Facts facts, LocalDate today, int confirmationDelayDays) {
    List<String> mismatches = facts.confirmationMismatches();
    if (facts.voided()) {
      return of(CertificateStatus.VOID);
    }
    if (mismatches != null && !mismatches.isEmpty()) {
      return new CertificateStanding(
          CertificateStatus.CONFIRMED_WITH_MISMATCHES, fieldsOf(mismatches));
    }
    if (mismatches != null) {
      return of(CertificateStatus.CONFIRMED);
    }
    if (facts.confirmedOnChannel()) {
      return of(CertificateStatus.CONFIRMED_ON_CHANNEL);
    }
    if (facts.exportedOn() != null) {
      return of(
          today.isBefore(facts.exportedOn().plusDays(confirmationDelayDays))
              ? CertificateStatus.EXPORTED
              : CertificateStatus.UNCONFIRMED);
    }
    return of(
        today.isAfter(facts.expiresOn()) ? CertificateStatus.EXPIRED : CertificateStatus.ISSUED);
  }

  /**
   * The field each mismatch names: a mismatch reads {@code "<field>: certificate <value>, received
   * <value>"} ({@link Certificate}).
   *
   * @param mismatches the recorded mismatches
   * @return the fields, in order
   */
  public static List<String> fieldsOf(List<String> mismatches) {
    return mismatches.stream()
        .map(m -> m.indexOf(':') < 0 ? m : m.substring(0, m.indexOf(':')))
        .toList();
  }

  private static CertificateStanding of(CertificateStatus status) {
    return new CertificateStanding(status, List.of());
  }
}
