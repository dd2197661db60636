package org.kpledger.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link YearPlan} against a node: phase after phase, the chains of a phase on several
 * client threads, each step signed by its generated actor and journalled once answered; consecutive
 * steps of a chain that the plan expects accepted go in batches. Stopping (Ctrl-C, {@link #stop()},
 * {@code stopAfter}) lets the commands in flight finish; running again with the same state
 * directory resumes where it stopped. The anomalies the year plants are listed in {@code
 * <state>/planted.json} ({@link PlantedAnomalies}).
 */
public final class YearGenerator {
  /**
   * @param url the node's base URL
   * @param dataDir the node's data directory (its {@code trust} directory enrols the CAs)
   * @param stateDir where the plan's parameters, identities and journal are kept
   * @param batchSize consecutive steps the plan expects accepted, sent as one all-or-nothing batch
   *     (1: one request per step); a step to be refused always goes alone
   * @param stopAfter stop after this many steps answered in this run (0: never), for tests
   */
  public record Options(
      String url,
      Path dataDir,
      Path stateDir,
      double size,
      long seed,
      String prefix,
      int threads,
      int batchSize,
      long stopAfter,
      double progressSeconds) {}

  /** What a run did. */
  public record Result(
      boolean complete,
      long planned,
      long plannedRefusals,
      long answeredThisRun,
      long accepted,
      long refused,
      long alreadyRecorded,
      double seconds) {}

  private final Options options;
  private final PrintStream err;
  private final AtomicBoolean stop = new AtomicBoolean();

  public YearGenerator(Options options, PrintStream err) {
    this.options = options;
    this.err = err;
  }

  /** The prefix every id of a generated year carries by default. */
  public static String defaultPrefix(long seed) {
    return "G" + seed;
  }

  /** Asks the run to stop after the commands in flight. */
  public void stop() {
    stop.set(true);
  }

  public Result run() throws IOException, InterruptedException {
    GeneratorState state =
        GeneratorState.openOrCreate(
            options.stateDir(), options.seed(), options.size(), options.prefix());
    Country names = new Country(state.prefix(), Scale.of(state.size()), state.yearEnd());
    Identities ids =
        Identities.prepare(options.stateDir(), options.dataDir().resolve("trust"), names);
    if (ids.enrolledNew) {
      Thread.sleep(1500); // the node rereads its trust directory at most once a second
    }
    YearPlan plan = new YearPlan(state.seed(), state.size(), state.prefix(), state.yearEnd(), ids);
    YearPlan.Totals totals = plan.totals();
    plan.planted().write(options.stateDir());
    Submitter submitter = new Submitter(options.url());
    try (Journal journal = new Journal(options.stateDir());
        Progress progress =
            new Progress(err, totals.steps(), journal.done(), options.progressSeconds())) {
      err.printf(
          "[generate] seed %d, size %s, prefix %s, year ending %s: %s; %,d steps (%,d to be"
              + " refused), %,d already answered%n",
          state.seed(),
          state.size(),
          state.prefix(),
          state.yearEnd(),
          plan.country.scale,
          totals.steps(),
          totals.refusals(),
          journal.done());
      boolean complete = true;
      for (int i = 0; i < plan.phases.size() && complete; i++) {
        Phase phase = plan.phases.get(i);
        progress.phase(String.format("phase %d/%d %s", i + 1, plan.phases.size(), phase.name()));
        complete = runPhase(plan, phase, ids, submitter, journal, progress);
      }
      if (complete) {
        Files.writeString(
            options.stateDir().resolve(GeneratorState.COMPLETE),
            totals.steps() + " steps, " + totals.refusals() + " refused\n");
      }
      Result r =
          new Result(
              complete,
              totals.steps(),
              totals.refusals(),
              progress.thisRun(),
              progress.accepted.get(),
              progress.refused.get(),
              progress.alreadyRecorded.get(),
              progress.seconds());
      progress.close(); // ends an in-place progress line before the summary
      err.println(
          "[generate] "
              + progress.line(journal.done(), r.answeredThisRun() / Math.max(1e-9, r.seconds())));
      err.printf(
          "[generate] %s: %,d answered in this run (%,d accepted, %,d refused as planned, %,d"
              + " recorded before) in %.1f s%n",
          complete ? "complete" : "stopped; run the same command again to resume",
          r.answeredThisRun(),
          r.accepted(),
          r.refused(),
          r.alreadyRecorded(),
          r.seconds());
      return r;
    }
  }

  private boolean runPhase(
      YearPlan plan,
      Phase phase,
      Identities ids,
      Submitter submitter,
      Journal journal,
      Progress progress)
      throws InterruptedException {
    AtomicInteger nextChain = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < Math.max(1, options.threads()); t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  for (int c = nextChain.getAndIncrement();
                      c < phase.chains() && !stopping(progress);
                      c = nextChain.getAndIncrement()) {
                    runChain(plan, phase.chain().apply(c), ids, submitter, journal, progress);
                  }
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                  stop.set(true);
                } catch (InterruptedException e) {
                  stop.set(true);
                }
              },
              "generate-" + t);
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return !stop.get();
  }

  private void runChain(
      YearPlan plan,
      Chain chain,
      Identities ids,
      Submitter submitter,
      Journal journal,
      Progress progress)
      throws InterruptedException {
    List<Step> steps = chain.steps();
    int i = journal.next(chain.name());
    while (i < steps.size() && !stopping(progress)) {
      int end = i;
      while (end < steps.size()
          && end - i < options.batchSize()
          && steps.get(end).refusal() == null) {
        end++;
      }
      if (end - i < 2) {
        Step step = steps.get(i);
        Submitter.Outcome outcome =
            submitter.submit(step, plan.commandId(step), ids.get(step.actor()));
        journal.answered(chain.name(), i);
        progress.answered(outcome);
        i++;
        continue;
      }
      List<Step> batch = steps.subList(i, end);
      List<Submitter.Outcome> outcomes =
          submitter.submitBatch(
              batch,
              batch.stream().map(plan::commandId).toList(),
              batch.stream().map(s -> ids.get(s.actor())).toList());
      for (Submitter.Outcome outcome : outcomes) {
        journal.answered(chain.name(), i++);
        progress.answered(outcome);
      }
    }
  }

  private boolean stopping(Progress progress) {
    if (options.stopAfter() > 0 && progress.thisRun() >= options.stopAfter()) {
      stop.set(true);
    }
    return stop.get();
  }
}
