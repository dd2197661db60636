package org.kpledger.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class LedgerMetaDataTest {

  @Test
  void recordDayIsTheBanguiDayOfTheRecordTime() {
    MetaData meta = MetaData.with(LedgerMetaData.RECORDED_AT, "2016-07-14T23:30:00Z");
    assertThat(LedgerMetaData.recordDay(meta))
        .as("23:30 UTC is 00:30 the next day in Bangui (UTC+1)")
        .isEqualTo(LocalDate.of(2016, 7, 15));
  }

  @Test
  void refusesACommandWithoutRecordTimeRatherThanDatingItByTheMachineClock() {
    assertThatThrownBy(() -> LedgerMetaData.recordDay(MetaData.emptyInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RECORD_TIME_MISSING")
        .hasMessageContaining(LedgerMetaData.RECORDED_AT);
  }
}
