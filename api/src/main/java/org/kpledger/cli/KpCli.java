package org.kpledger.cli;

import org.kpledger.api.LedgerApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kp}: the ledger's command line. */
@Command(
    name = "kp",
    mixinStandardHelpOptions = true,
    description = "KP rough-diamond ledger: node, keys, signed commands, demo, audit.",
    subcommands = {
      KpCli.Serve.class,
      CaCommands.class,
      ActorCommands.class,
      SignCommand.class,
      SubmitCommand.class,
      QueryCommand.class,
      CrlCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      AuditCommands.class,
      CertificateCommands.class,
      NodeCommands.class,
      VerifyCommand.class
    })
public class KpCli implements Runnable {

  /** Entry point of the executable jar. */
  public static void main(String[] args) {
    int code = new CommandLine(new KpCli()).execute(args);
    if (code != 0 || !isServe(args)) {
      System.exit(code);
    }
  }

  private static boolean isServe(String[] args) {
    return args.length > 0 && args[0].equals("serve");
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the ledger node. */
  @Command(
      name = "serve",
      description = "Run the ledger node (embedded H2 under ./data by default).")
  static class Serve implements Runnable {
    @CommandLine.Option(
        names = "--demo",
        description = "Load the demo scenario if the ledger is empty.")
    boolean demo;

    @CommandLine.Unmatched String[] springArgs = new String[0];

    @Override
    public void run() {
      var context = LedgerApplication.start(springArgs);
      if (demo) {
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        new DemoLoader(context.getEnvironment().getProperty("kp.data-dir", "./data"))
            .loadIfEmpty("http://localhost:" + port);
      }
    }
  }
}
