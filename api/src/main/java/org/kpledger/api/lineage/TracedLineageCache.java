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
 *
 * <p>Beside them it keeps the rows each lineage's walk read ({@link Walked}: its origins, items and
 * edges) while {@link LineageEpoch#walkCurrent()} stands still: a zone decision or a licence change
 * calls for judging a lineage again but changes none of those rows, so the judging reads only the
 * registry again (about 60 % of a trace's request-thread CPU was reading the rows,
 * docs/benchmarks.md). {@link #clear()} forgets the judgments, {@link #clearAll()} the walked rows
 * too.
 */
@Component
public class TracedLineageCache {
  private record Key(List<String> start, LocalDate day) {}

  private record Entry(long epoch, TracedLineage lineage) {}

  private record WalkEntry(long epoch, Walked walked) {}

  /**
   * The rows one walk of a lineage read.
   *
   * @param origins every origin the start items carry, in id order
   * @param itemIds every item of the lineage, in id order
   * @param madeFrom the merge and split edges into each item
   */
  public record Walked(
      List<LineageRows.Origin> origins,
      List<String> itemIds,
      Map<String, List<LineageRows.Edge>> madeFrom) {}

  private final LineageEpoch epoch;
  private final int capacity;
  private final Clock clock;
  private final Map<Key, Entry> entries;
  private final Map<List<String>, WalkEntry> walks;

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
    this.walks =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<List<String>, WalkEntry> eldest) {
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

  /**
   * Forgets every judged lineage but keeps the walked rows, as a zone decision or a licence change
   * does (the read benchmark times traces judged afresh this way).
   */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** Forgets every judged lineage and every walked one, as a node's start does. */
  public void clearAll() {
    clear();
    synchronized (walks) {
      walks.clear();
    }
  }

  /** The rows of the lineage of {@code start}: kept, or from {@code walk} (then kept). */
  public Walked walked(List<String> start, Supplier<Walked> walk) {
    if (capacity <= 0) {
      return walk.get();
    }
    long now = epoch.walkCurrent();
    List<String> key = start.stream().sorted().toList();
    synchronized (walks) {
      WalkEntry e = walks.get(key);
      if (e != null && e.epoch() == now) {
        return e.walked();
      }
    }
    // read after the epoch: what is walked now includes every change the epoch has counted
    Walked fresh = walk.get();
    synchronized (walks) {
      walks.put(key, new WalkEntry(now, fresh));
    }
    return fresh;
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
