package org.kpledger.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.kpledger.api.LedgerApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code kp}: the ledger's command line. Exit codes: 0 done, 1 refused by the node or failed, 2
 * wrong usage (an unknown option, a missing argument, no command at all).
 */
@Command(
    name = "kp",
    mixinStandardHelpOptions = true,
    versionProvider = KpVersion.class,
    description = "KP rough-diamond ledger: node, keys, signed commands, demo, audit.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:refused by the node, or failed (one line on stderr; --debug shows the trace)",
      "2:wrong usage"
    },
    footer = {
      "",
      "Commands that talk to a node take --url, by default the environment variable KP_URL,"
          + " else http://localhost:8080."
    },
    subcommands = {
      KpCli.Serve.class,
      CaCommands.class,
      ActorCommands.class,
      CommandsCommand.class,
      SignCommand.class,
      SubmitCommand.class,
      QueryCommand.class,
      CrlCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      AuditCommands.class,
      ExportCommands.class,
      CertificateCommands.class,
      NodeCommands.class,
      VerifyCommand.class,
      CompletionCommand.class
    })
public class KpCli implements Callable<Integer> {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On failure, print the Java stack trace too")
  boolean debug;

  @Spec CommandSpec spec;

  /** Entry point of the executable jar. */
  public static void main(String[] args) {
    CommandLine cli = commandLine(System.getenv());
    int code = cli.execute(args);
    Serve serve = cli.getSubcommands().get("serve").getCommand();
    if (code != 0 || serve.context == null) {
      System.exit(code);
    }
  }

  /**
   * The command line as {@code kp} runs it: {@code --url} defaults from {@code KP_URL} in {@code
   * environment}, help shows defaults, failures print one line (the trace with {@code --debug}).
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cli = new CommandLine(new KpCli());
    cli.setDefaultValueProvider(new NodeUrlDefault(environment));
    cli.setExecutionExceptionHandler(new OneLineFailure());
    cli.setParameterExceptionHandler(new UsageMistake());
    showDefaults(cli);
    return cli;
  }

  private static void showDefaults(CommandLine cli) {
    cli.getCommandSpec().usageMessage().showDefaultValues(true);
    cli.getSubcommands().values().forEach(KpCli::showDefaults);
  }

  /** Without a command: the usage on stderr, exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Runs the ledger node. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Run the ledger node (embedded H2 under ./data, the current directory, by default).",
        "Other options are Spring settings, e.g. --server.port=8081."
      })
  static class Serve implements Runnable {
    @Option(names = "--demo", description = "Load the demo scenario if the ledger is empty.")
    boolean demo;

    @CommandLine.Unmatched String[] springArgs = new String[0];

    ConfigurableApplicationContext context;

    @Override
    public void run() {
      context = start(springArgs);
      String port = context.getEnvironment().getProperty("local.server.port", "8080");
      String console = "http://localhost:" + port + "/";
      if (demo) {
        String dataDir = context.getEnvironment().getProperty("kp.data-dir", "./data");
        new DemoLoader(dataDir).loadIfEmpty("http://localhost:" + port);
        DemoSummary.lines(java.nio.file.Path.of(dataDir), console).forEach(this::say);
      } else {
        say("web console: " + console);
      }
    }

    /**
     * Starts the node; a port already taken is one line naming it and what to do (the node checks
     * the port before any of it starts, see {@code api.operations.ListenPortCheck}).
     */
    private static ConfigurableApplicationContext start(String[] args) {
      try {
        return LedgerApplication.start(args);
      } catch (RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof PortInUseException taken) {
            throw new IllegalStateException(
                "port "
                    + taken.getPort()
                    + " is already in use: stop what listens there, or start the node on another"
                    + " port with --server.port=<port> and point kp at it with --url or KP_URL",
                e);
          }
        }
        throw e;
      }
    }

    /**
     * A line for the person who started the node: on the console as it is, or, when the logs are
     * structured (one JSON object per line, for a log shipper), as a log event like the others.
     */
    private void say(String line) {
      if (context.getEnvironment().containsProperty("logging.structured.format.console")) {
        org.slf4j.LoggerFactory.getLogger(KpCli.class).info(line.strip());
      } else {
        System.out.println(line);
      }
    }
  }
}
