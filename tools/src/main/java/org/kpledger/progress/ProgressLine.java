package org.kpledger.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress of long work on stderr, never on stdout (so {@code kp ... | jq} and redirected output
 * stay clean). On a terminal one line is rewritten in place; otherwise (a CI log, a file) a plain
 * line is printed at most once per interval, so logs stay readable. The last state is always
 * printed as a plain line by {@link #done}.
 */
public final class ProgressLine implements AutoCloseable {
  private final PrintStream err;
  private final String task;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long lastPrinted;
  private boolean printedOnce;
  private int lastLength;
  private Thread ticker;
  private boolean finished;

  ProgressLine(
      PrintStream err, String task, boolean terminal, Duration interval, LongSupplier nanoTime) {
    this.err = err;
    this.task = task;
    this.terminal = terminal;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Progress of {@code task} on {@code System.err}: in place when there is a console, else a line
   * every {@code interval}.
   *
   * @param task the short name shown in brackets, e.g. {@code demo}
   * @param interval the least time between two plain lines
   * @return the progress line
   */
  public static ProgressLine onStderr(String task, Duration interval) {
    return on(System.err, task, interval);
  }

  /**
   * Progress of {@code task} on {@code err}: in place only when {@code err} is {@code System.err}
   * and there is a console (a test's or a caller's own stream gets plain lines).
   *
   * @param err where to print
   * @param task the short name shown in brackets
   * @param interval the least time between two plain lines
   * @return the progress line
   */
  public static ProgressLine on(PrintStream err, String task, Duration interval) {
    boolean terminal = err == System.err && System.console() != null;
    return new ProgressLine(err, task, terminal, interval, System::nanoTime);
  }

  /**
   * Shows {@code status}: at once on a terminal (at most ten times a second), else when the
   * interval has passed since the last plain line (the first status is always shown).
   *
   * @param status what is done so far, e.g. {@code 12 signed commands}
   */
  public synchronized void update(String status) {
    long now = nanoTime.getAsLong();
    long least = terminal ? Math.min(intervalNanos, 100_000_000L) : intervalNanos;
    if (finished || printedOnce && now - lastPrinted < least) {
      return;
    }
    printedOnce = true;
    lastPrinted = now;
    String line = "[" + task + "] " + status;
    if (terminal) {
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      err.println(line);
    }
    err.flush();
  }

  /**
   * Calls {@link #update} with {@code status} on a daemon thread every interval, for work that
   * reports nothing by itself (a download, a verification); {@link #close} stops it.
   *
   * @param status what to show at each tick
   * @return this
   */
  public ProgressLine tickEvery(Supplier<String> status) {
    long sleepMillis = Math.max(100, (terminal ? 1_000_000_000L : intervalNanos) / 1_000_000);
    ticker =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                  return;
                }
                update(status.get());
              }
            },
            task + "-progress");
    ticker.setDaemon(true);
    ticker.start();
    return this;
  }

  /**
   * Ends the progress with {@code status} on a line of its own (it replaces the in-place line).
   *
   * @param status the final state, e.g. {@code 42 signed commands in 3.1 s}
   */
  public synchronized void done(String status) {
    stopTicker();
    String line = "[" + task + "] " + status;
    if (terminal) {
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + "\n");
      lastLength = 0;
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Stops the ticker and ends an in-place line, so that what follows starts on a new line. */
  @Override
  public synchronized void close() {
    stopTicker();
    if (terminal && lastLength > 0) {
      err.println();
      lastLength = 0;
    }
  }

  private void stopTicker() {
    finished = true;
    if (ticker != null) {
      ticker.interrupt();
      ticker = null;
    }
  }
}
