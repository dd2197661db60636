package org.kpledger.shipment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The approvals an export from a CAR compliant zone needs, as dated policy (kp-facts §2.1, §2.4
 * step 5): which regime governs an act is decided by the day of the act, so each shipment is judged
 * under the regime of its day and a later change of regime rewrites no earlier verdict.
 *
 * <p>The day that decides is the <b>certification's record day</b> ({@link
 * org.kpledger.custody.LedgerMetaData#recordDay}): the regimes differ only in what must come before
 * the certificate, so the act they govern is the certification. The export gate runs at proposal,
 * approval, certification and export under every regime.
 *
 * <p>The dates are constants, each with its source, because the regimes are historical decisions of
 * the KP plenary, not a node's setting: two nodes configured differently would judge the same
 * shipment differently.
 */
public enum ExportRegime {
  /**
   * From 17 Jul 2015 (Administrative Decision on Resumption of Exports and its Operational
   * Framework take effect; thediamondloupe.com 2015-07-29): one shipment a month, examined and
   * approved by the Monitoring Team before the KP certificate is issued. Before that day CAR was
   * suspended (23 May 2013): no zone was compliant, so the export gate refuses every lot, and this
   * regime, the strictest, is the one applied to any earlier day.
   */
  PRIOR_APPROVAL(LocalDate.of(2015, 7, 17), true),

  /**
   * From 2 Dec 2019: the New Delhi plenary (Nov 2019; one-year trial) lets CAR issue KP
   * certificates for compliant-zone goods without prior Monitoring Team approval of each export;
   * CAR reports its exports monthly and the Monitoring Team cross-checks every certificate against
   * the import confirmations. kp-facts dates the plenary only to November 2019; the earliest dated
   * source announcing the decision is the WDC notice of 2019-12-02 (worlddiamondcouncil.org), so
   * the ledger applies it from that day. It has no end: kp-facts dates neither the trial's end nor
   * its renewal, and the one later date it gives, the full lifting of CAR's suspension on 15 Nov
   * 2024 (Dubai plenary), ends the compliant-zone regime as a whole, the export gate's zone and
   * stockpile checks with it, which is not a choice between approvals that this type makes; a
   * ledger that ran the gate only until then would judge nothing today. So this regime stays in
   * force (README, "Export regime").
   */
  CERTIFICATE_FIRST(LocalDate.of(2019, 12, 2), false);

  private final LocalDate effectiveFrom;
  private final boolean priorApprovalRequired;

  ExportRegime(LocalDate effectiveFrom, boolean priorApprovalRequired) {
    this.effectiveFrom = effectiveFrom;
    this.priorApprovalRequired = priorApprovalRequired;
  }

  /** The first day the regime governs. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /**
   * Whether a shipment must be approved by the Monitoring Team before its certificate is issued
   * ({@code false}: the certificate may be issued for a proposed shipment that passes the gate).
   */
  public boolean priorApprovalRequired() {
    return priorApprovalRequired;
  }

  /**
   * The regime that governs an act on {@code day}: the one with the latest effective date not after
   * it, or the first regime for a day before every effective date.
   *
   * @param day the day of the act (in Bangui)
   * @return the governing regime
   */
  public static ExportRegime on(LocalDate day) {
    Objects.requireNonNull(day, "day");
    return Arrays.stream(values())
        .filter(r -> !r.effectiveFrom.isAfter(day))
        .max(Comparator.comparing(ExportRegime::effectiveFrom))
        .orElse(values()[0]);
  }
}
