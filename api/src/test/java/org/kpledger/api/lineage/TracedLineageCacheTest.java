package org.kpledger.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.kpledger.licence.LicenceStatus;
import org.kpledger.licence.LicenceStatusChangedEvent;
import org.kpledger.parcel.ParcelConfiscatedEvent;
import org.kpledger.parcel.ParcelConsumedEvent;
import org.kpledger.parcel.QuarantineClearedEvent;
import org.kpledger.parcel.TransferAcceptedEvent;
import org.kpledger.zone.ZoneDecisionRecordedEvent;
import org.kpledger.zone.ZoneStatus;

class TracedLineageCacheTest {
  private final LineageEpoch epoch = new LineageEpoch();
  private final AtomicInteger walks = new AtomicInteger();
  private final MovableClock clock = new MovableClock(Instant.parse("2016-07-14T09:00:00Z"));

  private TracedLineage walk() {
    walks.incrementAndGet();
    return new TracedLineage(List.of("P-1"), List.of("P-1"), Map.of(), List.of(), null);
  }

  @Test
  void givenAJudgedLineageWhenNothingMovesThenItIsServedAgainInAnyOrderOfItsStart() {
    TracedLineageCache cache = new TracedLineageCache(epoch, 4, clock);
    TracedLineage first = cache.get(List.of("P-1", "P-2"), this::walk);
    assertThat(cache.get(List.of("P-2", "P-1"), this::walk)).isSameAs(first);
    assertThat(walks).hasValue(1);
  }

  @Test
  void givenAJudgedLineageWhenAnEventThatCanChangeItCommitsThenItIsWalkedAgain() {
    TracedLineageCache cache = new TracedLineageCache(epoch, 4, clock);
    cache.get(List.of("P-1"), this::walk);
    handleAndCommit(
        new TransferAcceptedEvent("P-9", "T-1", "A", "B", null, null, false), ReplayStatus.REGULAR);
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).as("a transfer cannot change a judged lineage").hasValue(1);
    handleAndCommit(new ParcelConsumedEvent("P-0", "MERGE", List.of()), ReplayStatus.REGULAR);
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).as("a consumption adds edges only into a new item").hasValue(1);
    handleAndCommit(confiscation(), ReplayStatus.REGULAR);
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).as("a confiscation changes verdicts").hasValue(2);
    handleAndCommit(
        new TransferAcceptedEvent("P-9", "T-1", "A", "B", null, null, false), ReplayStatus.REPLAY);
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).as("during a replay every batch moves it").hasValue(3);
    epoch.reset();
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).hasValue(4);
  }

  private TracedLineageCache.Walked walkRows() {
    walks.incrementAndGet();
    return new TracedLineageCache.Walked(List.of(), List.of("P-1"), Map.of());
  }

  @Test
  void givenWalkedRowsWhenAZoneDecisionOrALicenceChangeOrAConfiscationCommitsThenTheyAreKept() {
    TracedLineageCache cache = new TracedLineageCache(epoch, 4, clock);
    TracedLineageCache.Walked first = cache.walked(List.of("P-1", "P-2"), this::walkRows);
    long judgedBefore = epoch.current();
    handleAndCommit(
        new ZoneDecisionRecordedEvent(
            "Z-1", ZoneStatus.SUSPENDED, LocalDate.parse("2016-07-01"), "MT-2016-1"),
        ReplayStatus.REGULAR);
    handleAndCommit(
        new LicenceStatusChangedEvent(
            "L-1", LicenceStatus.SUSPENDED, LocalDate.parse("2016-07-01"), "fraud"),
        ReplayStatus.REGULAR);
    handleAndCommit(confiscation(), ReplayStatus.REGULAR);
    assertThat(epoch.current()).as("each changes verdicts").isEqualTo(judgedBefore + 3);
    assertThat(cache.walked(List.of("P-2", "P-1"), this::walkRows)).isSameAs(first);
    cache.clear();
    assertThat(cache.walked(List.of("P-1", "P-2"), this::walkRows))
        .as("forgetting the judgments keeps the walked rows")
        .isSameAs(first);
    assertThat(walks).hasValue(1);
  }

  @Test
  void givenWalkedRowsWhenAnEventThatCanChangeTheirRowsCommitsThenTheyAreWalkedAgain() {
    TracedLineageCache cache = new TracedLineageCache(epoch, 4, clock);
    cache.walked(List.of("P-1"), this::walkRows);
    handleAndCommit(new QuarantineClearedEvent("STK-1", "AUD-7", "criteria"), ReplayStatus.REGULAR);
    cache.walked(List.of("P-1"), this::walkRows);
    assertThat(walks).as("a clearance changes the origin's row").hasValue(2);
    handleAndCommit(
        new TransferAcceptedEvent("P-9", "T-1", "A", "B", null, null, false), ReplayStatus.REPLAY);
    cache.walked(List.of("P-1"), this::walkRows);
    assertThat(walks).as("during a replay every batch moves it").hasValue(3);
    epoch.reset();
    cache.walked(List.of("P-1"), this::walkRows);
    assertThat(walks).hasValue(4);
    cache.clearAll();
    cache.walked(List.of("P-1"), this::walkRows);
    assertThat(walks).hasValue(5);
  }

  @Test
  void theWalkEpochMovesOnlyWhenTheBatchCommits() {
    long before = epoch.walkCurrent();
    EventMessage<?> event =
        GenericEventMessage.asEventMessage(
            new QuarantineClearedEvent("STK-1", "AUD-7", "criteria"));
    DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
    epoch.on(event, ReplayStatus.REGULAR, batch);
    assertThat(epoch.walkCurrent()).isEqualTo(before);
    batch.rollback();
    assertThat(epoch.walkCurrent()).isEqualTo(before);
  }

  @Test
  void aJudgedLineageIsWalkedAgainAtMidnightInBanguiNotAtMidnightUtc() {
    TracedLineageCache cache = new TracedLineageCache(epoch, 4, clock);
    clock.set(Instant.parse("2016-07-14T22:59:00Z"));
    cache.get(List.of("P-1"), this::walk);
    clock.set(Instant.parse("2016-07-14T23:30:00Z"));
    assertThat(cache.holds(List.of("P-1")))
        .as("23:30 UTC is 00:30 on 15 July in Bangui: a licence's standing today may differ")
        .isFalse();
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).hasValue(2);
    clock.set(Instant.parse("2016-07-15T00:30:00Z"));
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).as("still 15 July in Bangui after midnight UTC").hasValue(2);
  }

  @Test
  void theEpochMovesOnlyWhenTheBatchCommits() {
    long before = epoch.current();
    EventMessage<?> event = GenericEventMessage.asEventMessage(confiscation());
    DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
    epoch.on(event, ReplayStatus.REGULAR, batch);
    assertThat(epoch.current()).isEqualTo(before);
    batch.rollback();
    assertThat(epoch.current()).isEqualTo(before);
  }

  @Test
  void aCacheOfNoEntriesWalksEveryTime() {
    TracedLineageCache cache = new TracedLineageCache(epoch, 0, clock);
    cache.get(List.of("P-1"), this::walk);
    cache.get(List.of("P-1"), this::walk);
    assertThat(walks).hasValue(2);
  }

  private static ParcelConfiscatedEvent confiscation() {
    return new ParcelConfiscatedEvent("P-0", "CONF-1", "smuggled", "A", "MINES");
  }

  private void handleAndCommit(Object payload, ReplayStatus replay) {
    EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
    DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
    epoch.on(event, replay, batch);
    batch.commit();
  }
}
