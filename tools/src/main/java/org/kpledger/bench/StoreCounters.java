package org.kpledger.bench;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the node's database wrote, read from the database's own counters, so a phase's writes per
 * command hold even on a loaded machine: on H2, file writes (one per chunk stored) and bytes
 * written since the file opened; on PostgreSQL, write-ahead log flushes to disk ({@code
 * pg_stat_wal.wal_sync}), WAL bytes, and the CPU time of the server's processes (its postmaster and
 * the processes under it, not other servers on the machine), which are not the node's.
 */
abstract class StoreCounters {
  /** {writes, bytes written, database server CPU nanoseconds} so far. */
  abstract long[] read();

  /** One line on the database's state now: its size, and on H2 the file against its live data. */
  abstract String describe();

  /**
   * What changes while the node's compaction works on an idle database, and not with its small
   * writes (a processor's token now and then): by default the description.
   */
  String restState() {
    return describe();
  }

  /** The counters of the database behind {@code jdbc}, whose product is {@code engine}. */
  static StoreCounters of(JdbcTemplate jdbc, String engine) {
    return "PostgreSQL".equals(engine) ? new Postgres(jdbc) : new H2(jdbc);
  }

  private static final class H2 extends StoreCounters {
    private final JdbcTemplate jdbc;

    H2(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    long[] read() {
      return new long[] {setting("info.FILE_WRITE"), setting("info.FILE_WRITE_BYTES"), 0};
    }

    @Override
    String describe() {
      // live data: the file's share that chunks fill, times the chunks' share of live pages
      long size = setting("info.FILE_SIZE");
      long fill = setting("info.FILL_RATE");
      long chunksLive = setting("info.CHUNKS_FILL_RATE");
      // the chunks H2 may rewrite now (older than the retention time, no pinned page): those the
      // compaction can do something about
      long rewritableLive = setting("info.CHUNKS_FILL_RATE_RW");
      long live = size * fill / 100 * chunksLive / 100;
      return String.format(
          "H2 file %,d MiB, chunks %d %% live (rewritable ones %d %%), %d %% of the file chunks:"
              + " %,d MiB live, the file %.1f times that",
          size >> 20,
          chunksLive,
          rewritableLive,
          fill,
          live >> 20,
          live == 0 ? 0.0 : (double) size / live);
    }

    /** The file's size and its live data, in MiB: rewrites and moves change them, tokens not. */
    @Override
    String restState() {
      long size = setting("info.FILE_SIZE");
      long live = size * setting("info.FILL_RATE") / 100 * setting("info.CHUNKS_FILL_RATE") / 100;
      return (size >> 20) + " MiB, " + (live >> 20) + " MiB live";
    }

    private long setting(String name) {
      List<String> v =
          jdbc.queryForList(
              "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
              String.class,
              name);
      return v.isEmpty() ? 0 : Long.parseLong(v.get(0));
    }
  }

  private static final class Postgres extends StoreCounters {
    private final JdbcTemplate jdbc;

    /** The server's postmaster, when it runs on this machine and this process can see it. */
    private final java.util.Optional<ProcessHandle> server;

    Postgres(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
      Long backend = jdbc.queryForObject("SELECT pg_backend_pid()", Long.class);
      this.server =
          ProcessHandle.of(backend)
              .flatMap(ProcessHandle::parent)
              .filter(p -> isPostgres(p.info()));
    }

    @Override
    long[] read() {
      long[] wal =
          jdbc.queryForObject(
              "SELECT wal_sync, wal_bytes FROM pg_stat_wal",
              (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
      return new long[] {wal[0], wal[1], serverCpuNanos()};
    }

    @Override
    String describe() {
      return jdbc.queryForObject(
          "SELECT 'PostgreSQL ' || current_setting('server_version') || ', database '"
              + " || pg_size_pretty(pg_database_size(current_database()))"
              + " || ', fsync ' || current_setting('fsync')"
              + " || ', synchronous_commit ' || current_setting('synchronous_commit')",
          String.class);
    }

    /**
     * CPU time of the database server's processes: its postmaster and every process under it (the
     * backends, the WAL writer, the checkpointer, ...), so that other PostgreSQL servers on the
     * same machine do not count; every PostgreSQL process on this machine when the server's own
     * cannot be seen (the benchmark's server is local).
     */
    private long serverCpuNanos() {
      java.util.stream.Stream<ProcessHandle> processes =
          server
              .map(
                  p ->
                      java.util.stream.Stream.concat(
                          java.util.stream.Stream.of(p), p.descendants()))
              .orElseGet(ProcessHandle::allProcesses);
      return processes
          .map(ProcessHandle::info)
          .filter(Postgres::isPostgres)
          .mapToLong(i -> i.totalCpuDuration().map(Duration::toNanos).orElse(0L))
          .sum();
    }

    private static boolean isPostgres(ProcessHandle.Info info) {
      return info.command().map(c -> c.endsWith("/postgres")).orElse(false);
    }
  }
}
