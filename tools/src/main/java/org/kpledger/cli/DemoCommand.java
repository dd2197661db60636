package org.kpledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp demo}: loads the CAR demo scenario into a running ledger. */
@Command(
    name = "demo",
    description = "Load the CAR demo scenario into a running ledger node.",
    mixinStandardHelpOptions = true)
class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Ledger base URL (environment: KP_URL)")
  String url;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "The node's data directory (demo organisations enrol in its trust directory)")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    return new DemoLoader(dataDir.toString()).load(url) ? 0 : 1;
  }
}
