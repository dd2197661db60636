package org.kpledger.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One status per certificate and day, the gravest that applies (kp-facts §1.1, rule 8). */
class CertificateStandingTest {
  private static final LocalDate EXPIRES = LocalDate.parse("2016-10-11");
  private static final LocalDate EXPORTED = LocalDate.parse("2016-08-20");
  private static final int DELAY = 30;

  private static CertificateStanding on(
      LocalDate today,
      boolean voided,
      LocalDate exportedOn,
      List<String> mismatches,
      boolean onChannel) {
    return CertificateStanding.on(
        new CertificateStanding.Facts(voided, EXPIRES, exportedOn, mismatches, onChannel),
        today,
        DELAY);
  }

  @Test
  void anIssuedCertificateIsIssuedUntilItsExpiryDayAndExpiredAfter() {
    assertThat(on(EXPIRES, false, null, null, false).status()).isEqualTo(CertificateStatus.ISSUED);
    assertThat(on(EXPIRES.plusDays(1), false, null, null, false).status())
        .isEqualTo(CertificateStatus.EXPIRED);
  }

  @Test
  void anExportedCertificateIsUnconfirmedOnceTheDelayHasPassedWithoutConfirmation() {
    assertThat(on(EXPORTED.plusDays(DELAY - 1), false, EXPORTED, null, false).status())
        .isEqualTo(CertificateStatus.EXPORTED);
    assertThat(on(EXPORTED.plusDays(DELAY), false, EXPORTED, null, false).status())
        .isEqualTo(CertificateStatus.UNCONFIRMED);
  }

  @Test
  void aConfirmationWithMismatchesIsNotShownAsConfirmedAndNamesTheFields() {
    CertificateStanding s =
        on(
            EXPORTED.plusDays(2),
            false,
            EXPORTED,
            List.of(
                "carats: certificate 12.40, received 12.10",
                "parcelCount: certificate 1, received 2"),
            true);
    assertThat(s.status()).isEqualTo(CertificateStatus.CONFIRMED_WITH_MISMATCHES);
    assertThat(s.mismatchedFields()).containsExactly("carats", "parcelCount");
  }

  @Test
  void aMatchingConfirmationIsConfirmedAndAChannelOneAloneIsConfirmedOnChannel() {
    assertThat(on(EXPORTED.plusDays(90), false, EXPORTED, List.of(), false).status())
        .isEqualTo(CertificateStatus.CONFIRMED);
    CertificateStanding channel = on(EXPORTED.plusDays(90), false, EXPORTED, null, true);
    assertThat(channel.status()).isEqualTo(CertificateStatus.CONFIRMED_ON_CHANNEL);
    assertThat(channel.mismatchedFields()).isEmpty();
  }

  @Test
  void aVoidCertificateIsVoidWhateverElseHappened() {
    assertThat(on(EXPORTED.plusDays(2), true, EXPORTED, List.of("carats: x"), true).status())
        .isEqualTo(CertificateStatus.VOID);
  }
}
