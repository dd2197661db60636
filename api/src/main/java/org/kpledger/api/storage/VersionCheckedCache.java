package org.kpledger.api.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate cache of a node that shares its database with other nodes ({@code
 * kp.multi-node=true}): an entry is served only while the event store's last sequence number of its
 * aggregate is the one the entry was cached at. Another node may have appended to the aggregate
 * since; then the entry is dropped and Axon replays the aggregate from the store.
 *
 * <p>Why this is enough: Axon asks the cache after the repository's lock, and with several nodes on
 * PostgreSQL that lock is also the database's ({@link AggregateLocks}), held until the command's
 * transaction ends, shared for a fact and exclusive for a change. Every node appends to an
 * aggregate only under its exclusive lock. So once the lock is granted no other node can append to
 * the aggregate before this command ends, and the check, a statement after the lock in the
 * command's own transaction, sees everything appended before it (read committed). An entry whose
 * version matches holds every event of its aggregate, and no other can come while it is in use.
 *
 * <p>The check costs one indexed query per aggregate a command loads, where a miss replays every
 * event of the aggregate. An entry of this node's own rolled-back transaction is dropped by Axon
 * when the unit of work rolls back; the check would drop it anyway, since the store's last sequence
 * number is then below the entry's.
 *
 * <p>Axon keeps the version of an entry in a private field of {@link AggregateCacheEntry}, which
 * this class reads; {@code VersionCheckedCacheTest} checks that against entries Axon builds, so a
 * change of Axon's that moves the field fails the build, and the node would not start.
 */
public final class VersionCheckedCache implements Cache {
  private static final String LAST_SEQUENCE =
      "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?";

  private static final VarHandle VERSION = versionField();

  private final Cache entries;
  private final JdbcTemplate store;
  private final Counter served;
  private final Counter stale;

  /**
   * @param entries where the entries are kept (Axon's adapter of the node's Ehcache)
   * @param store the event store's database, used in the command's own transaction
   * @param meters where {@code kp.aggregates.cache} counts entries served and entries found stale
   */
  public VersionCheckedCache(Cache entries, JdbcTemplate store, MeterRegistry meters) {
    this.entries = Objects.requireNonNull(entries);
    this.store = Objects.requireNonNull(store);
    this.served = outcome(meters, "served");
    this.stale = outcome(meters, "stale");
  }

  @Override
  public <K, V> V get(K key) {
    V entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    Long cachedAt = entry instanceof AggregateCacheEntry<?> e ? version(e) : null;
    Long last = store.queryForObject(LAST_SEQUENCE, Long.class, key.toString());
    if (cachedAt != null && cachedAt.equals(last)) {
      served.increment();
      return entry;
    }
    // another node appended to it (or its events were rolled back): replay it from the store
    entries.remove(key);
    stale.increment();
    return null;
  }

  @Override
  public void put(Object key, Object value) {
    entries.put(key, value);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    return entries.putIfAbsent(key, value);
  }

  @Override
  public boolean remove(Object key) {
    return entries.remove(key);
  }

  @Override
  public void removeAll() {
    entries.removeAll();
  }

  /** Whether an entry is kept, checked or not: a later {@link #get} may still find it stale. */
  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    return entries.registerCacheEntryListener(listener);
  }

  @Override
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    entries.computeIfPresent(key, update);
  }

  /** The last sequence number of the aggregate an entry holds ({@code null}: none yet). */
  static Long version(AggregateCacheEntry<?> entry) {
    return (Long) VERSION.get(entry);
  }

  private static VarHandle versionField() {
    try {
      return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
          .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "kp.multi-node: this Axon's AggregateCacheEntry keeps no Long 'version'; the aggregate"
              + " cache cannot be checked against the event store",
          e);
    }
  }

  private static Counter outcome(MeterRegistry meters, String outcome) {
    return Counter.builder("kp.aggregates.cache")
        .description(
            "Aggregates found in a multi-node node's cache: served (the store had nothing newer)"
                + " or stale (another node had appended; replayed)")
        .tag("outcome", outcome)
        .register(meters);
  }
}
