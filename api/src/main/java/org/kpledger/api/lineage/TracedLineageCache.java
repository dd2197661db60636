package org.kpledger.api.lineage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The judged lineages of the last traces (a shipment's about 2,000 origins at CAR scale take most
 * of a trace's time to read and judge), kept while {@link LineageEpoch} stands still and the day
 * has not changed in Bangui (a licence's standing today is one of the facts judged), least recently
 * used first out ({@code kp.trace-cache-entries}, 0 to keep none; none with {@code
 * kp.multi-node=true}, since the epoch moves only on the node that runs its processor). Paging
 * through a trace, the dossier after the trace and a second reader of the same shipment then cost
 * only their own page.
 */
@Component
public class TracedLineageCache {
  private record Key(List<String> start, LocalDate day) {}

  private record Entry(long epoch, TracedLineage lineage) {}

  private final LineageEpoch epoch;
  private final int capacity;
  private final Clock clock;
  private final Map<Key, Entry> entries;

  TracedLineageCache(
      LineageEpoch epoch,
      @Value("#{${kp.multi-node:false} ? 0 : ${kp.trace-cache-entries:64}}") int capacity,
      Clock clock) {
    this.epoch = epoch;
    this.clock = clock;
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > TracedLineageCache.this.capacity;
          }
        };
  }

  /** Whether the judged lineage of {@code start} is kept and still current. */
  public boolean holds(List<String> start) {
    Key key = new Key(start.stream().sorted().toList(), today());
    synchronized (entries) {
      Entry e = entries.get(key);
      return e != null && e.epoch() == epoch.current();
    }
  }

  /** Forgets every judged lineage (the read benchmark times traces judged afresh this way). */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** The judged lineage of {@code start}: kept, or from {@code walk} (then kept). */
  public TracedLineage get(List<String> start, Supplier<TracedLineage> walk) {
    if (capacity <= 0) {
      return walk.get();
    }
    long now = epoch.current();
    Key key = new Key(start.stream().sorted().toList(), today());
    synchronized (entries) {
      Entry e = entries.get(key);
      if (e != null && e.epoch() == now) {
        return e.lineage();
      }
    }
    // read after the epoch: what is walked now includes every change the epoch has counted
    TracedLineage fresh = walk.get();
    synchronized (entries) {
      entries.put(key, new Entry(now, fresh));
    }
    return fresh;
  }

  private LocalDate today() {
    return LedgerCalendar.dateOf(clock.instant());
  }
}
