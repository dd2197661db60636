package org.kpledger.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.custody.CarWorld.day;

import org.junit.jupiter.api.Test;

/** The field-date rules of {@link FieldDate}, decided once in the ledger. */
class FieldDateTest {

  @Test
  void aFieldDateAbsentFromThePayloadIsTheRecordDay() {
    FieldDate d = FieldDate.of(null, day("2016-07-20"), FieldDate.FIELD);

    assertThat(d.day()).isEqualTo(day("2016-07-20"));
    assertThat(d.lateEntry()).isFalse();
  }

  @Test
  void rejectsAFieldDateAfterTheRecordDay() {
    assertThatThrownBy(() -> FieldDate.of(day("2016-07-21"), day("2016-07-20"), "fieldDate"))
        .isInstanceOfSatisfying(
            CustodyRuleViolation.class,
            v -> {
              assertThat(v.reasonCode()).isEqualTo("FIELD_DATE_AFTER_RECORD_DAY");
              assertThat(v.field()).isEqualTo("fieldDate");
            });
  }

  @Test
  void anActRecordedTwoDaysAfterItsFieldDateIsOnTime() {
    assertThat(FieldDate.of(day("2016-07-18"), day("2016-07-20"), "fieldDate").lateEntry())
        .isFalse();
  }

  @Test
  void anActRecordedMoreThanTwoDaysAfterItsFieldDateIsALateEntry() {
    assertThat(FieldDate.of(day("2016-07-17"), day("2016-07-20"), "fieldDate").lateEntry())
        .isTrue();
  }

  @Test
  void rejectsAFieldDateBeforeThePreviousCustodyStep() {
    FieldDate d = FieldDate.of(day("2016-07-13"), day("2016-07-20"), "fieldDate");

    assertThatThrownBy(() -> d.notBefore(day("2016-07-14"), "the purchase", "fieldDate"))
        .isInstanceOfSatisfying(
            CustodyRuleViolation.class,
            v -> assertThat(v.reasonCode()).isEqualTo("FIELD_DATE_BEFORE_PREVIOUS_STEP"));
    assertThat(d.notBefore(day("2016-07-13"), "the purchase", "fieldDate")).isSameAs(d);
  }
}
