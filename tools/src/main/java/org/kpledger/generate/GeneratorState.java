package org.kpledger.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Properties;

/**
 * What fixes a generated year, kept in {@code <state>/plan.properties} by the first run: seed,
 * size, id prefix and the year's last day. A resumed run takes them from here, so its plan (and
 * every command id) is the first run's even days later; a run asking for another year is refused.
 */
record GeneratorState(long seed, double size, String prefix, LocalDate yearEnd) {
  static final String FILE = "plan.properties";
  static final String COMPLETE = "complete";

  static GeneratorState openOrCreate(Path dir, long seed, double size, String prefix)
      throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        p.load(in);
      }
      GeneratorState s =
          new GeneratorState(
              Long.parseLong(p.getProperty("seed")),
              Double.parseDouble(p.getProperty("size")),
              p.getProperty("prefix"),
              LocalDate.parse(p.getProperty("yearEnd")));
      if (s.seed != seed || s.size != size || !s.prefix.equals(prefix)) {
        throw new IllegalStateException(
            dir
                + " holds the year of seed "
                + s.seed
                + ", size "
                + s.size
                + ", prefix "
                + s.prefix
                + "; use another --state directory for another year");
      }
      return s;
    }
    GeneratorState s =
        new GeneratorState(
            seed,
            size,
            prefix,
            org.kpledger.custody.LedgerCalendar.dateOf(java.time.Instant.now()));
    Properties p = new Properties();
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("size", Double.toString(size));
    p.setProperty("prefix", prefix);
    p.setProperty("yearEnd", s.yearEnd.toString());
    Path tmp = dir.resolve(FILE + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp)) {
      p.store(out, "kp generate: the year this state directory belongs to");
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return s;
  }

  static boolean complete(Path dir) {
    return Files.exists(dir.resolve(COMPLETE));
  }
}
