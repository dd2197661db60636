package org.kpledger.generate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.kpledger.progress.ProgressLine;

/**
 * Progress of a long run on stderr every few seconds (in place on a terminal, see {@link
 * ProgressLine}): phase, steps answered out of the plan's total, commands per second over the last
 * interval, and the time left at this run's pace.
 */
final class Progress implements AutoCloseable {
  private final ProgressLine out;
  private final long total;
  private final long startDone;
  private final AtomicLong done;
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong alreadyRecorded = new AtomicLong();
  private final long start = System.nanoTime();
  private volatile String phase = "starting";
  private final Thread reporter;

  Progress(PrintStream out, long total, long alreadyDone, double everySeconds) {
    this.out = ProgressLine.on(out, "generate", Duration.ofMillis((long) (everySeconds * 1000)));
    this.total = total;
    this.startDone = alreadyDone;
    this.done = new AtomicLong(alreadyDone);
    this.reporter = new Thread(() -> report((long) (everySeconds * 1000)), "generate-progress");
    reporter.setDaemon(true);
    reporter.start();
  }

  /**
   * Names the phase now running and shows the line at once (the first one always, later ones at
   * most once per interval in a log), so a person sees the run start before the first interval.
   */
  void phase(String name) {
    phase = name;
    long d = done.get();
    out.update(line(d, thisRun() / Math.max(1e-9, seconds())));
  }

  void answered(Submitter.Outcome outcome) {
    done.incrementAndGet();
    (switch (outcome) {
          case ACCEPTED -> accepted;
          case REFUSED -> refused;
          case ALREADY_RECORDED -> alreadyRecorded;
        })
        .incrementAndGet();
  }

  /** Steps answered in this run. */
  long thisRun() {
    return done.get() - startDone;
  }

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  private void report(long everyMillis) {
    long lastDone = done.get();
    long lastAt = System.nanoTime();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(everyMillis);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      long d = done.get();
      double rate = (d - lastDone) / ((now - lastAt) / 1e9);
      lastDone = d;
      lastAt = now;
      out.update(line(d, rate));
    }
  }

  String line(long d, double rate) {
    double pace = thisRun() / Math.max(1e-9, seconds());
    long eta = pace > 0 ? (long) ((total - d) / pace) : -1;
    return String.format(
        "%s: %,d/%,d steps (%.1f%%), %.0f cmd/s, ETA %s",
        phase,
        d,
        total,
        100.0 * d / Math.max(1, total),
        rate,
        eta < 0 ? "unknown" : String.format("%dm%02ds", eta / 60, eta % 60));
  }

  @Override
  public void close() {
    reporter.interrupt();
    out.close();
  }
}
