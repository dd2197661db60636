package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The conventions of {@code kp} that need no node: exit codes 0 done, 1 refused or failed, 2 wrong
 * usage; one line naming the problem instead of a stack trace (unless {@code --debug}); {@code
 * --url} from {@code KP_URL}; help with defaults; a version.
 */
class CommandLineConventionsTest {
  @TempDir Path dir;

  /** What one run of {@code kp} printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run kp(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = KpCli.commandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Run kp(String... args) {
    return kp(Map.of(), args);
  }

  @Test
  void withoutACommandPrintsTheUsageAndExitsTwo() {
    Run run = kp();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: kp", "serve", "query", "Exit codes:", "KP_URL");
  }

  @Test
  void versionPrintsTheProjectVersionWithEitherFlag() {
    for (String flag : new String[] {"--version", "-V"}) {
      Run run = kp(flag);
      assertThat(run.exit()).isZero();
      assertThat(run.out().strip()).as(flag).startsWith("kp ").hasSizeGreaterThan(4);
    }
  }

  @Test
  void versionIsReadFromTheLedgerLibrarysPomPropertiesInThePackagedJar() throws IOException {
    assertThat(
            KpVersion.version(
                new java.io.ByteArrayInputStream(
                    "groupId=org.kpledger\nversion=1.2.3\n".getBytes())))
        .isEqualTo("1.2.3");
  }

  @Test
  void serveHelpPrintsHelpAndExitsZeroWithoutStartingANode() {
    CommandLine cli = KpCli.commandLine(Map.of());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("serve", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: kp serve", "--demo");
    KpCli.Serve serve = cli.getSubcommands().get("serve").getCommand();
    assertThat(serve.context).as("no node was started").isNull();
  }

  @Test
  void helpShowsDefaultValues() {
    Run run = kp("node", "certify", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Default: ./data", "Default: 365");
  }

  /**
   * Picocli passes every help line through {@code String.format} (an option's, it seems, twice, so
   * not even {@code %%} is safe there): a {@code %} makes it warn on stderr and print the line
   * unformatted. Every command's help renders without a warning.
   */
  @Test
  void everyCommandsHelpRendersWithoutAFormatWarning() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    java.util.List<String> helps = new java.util.ArrayList<>();
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      renderHelp(KpCli.commandLine(Map.of()), helps);
    } finally {
      System.setErr(stderr);
    }
    assertThat(helps).hasSizeGreaterThan(20);
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(kp("bench", "ingest", "--help").out()).contains("took a tenth or more of the CPU");
  }

  private static void renderHelp(CommandLine cli, java.util.List<String> helps) {
    helps.add(cli.getUsageMessage());
    cli.getSubcommands().values().forEach(sub -> renderHelp(sub, helps));
  }

  @Test
  void everyUrlOptionDefaultsFromKpUrlThenLocalhost() {
    assertThat(urlDefaults(Map.of())).isNotEmpty().containsOnly("http://localhost:8080");
    assertThat(urlDefaults(Map.of("KP_URL", "http://ledger.example:9090")))
        .containsOnly("http://ledger.example:9090");
    assertThat(kp(Map.of("KP_URL", "http://ledger.example:9090"), "query", "--help").out())
        .contains("Default: http://ledger.example:9090");
  }

  @Test
  void theUrlFromKpUrlIsTheOneACommandUses() {
    CommandLine cli = KpCli.commandLine(Map.of("KP_URL", "http://ledger.example:9090"));
    cli.parseArgs("query", "--actor", "a", "/api/log/heads");
    QueryCommand query = cli.getSubcommands().get("query").getCommand();
    assertThat(query.url).isEqualTo("http://ledger.example:9090");
    cli.parseArgs("query", "--url", "http://other:1", "--actor", "a", "/api/log/heads");
    assertThat(query.url).as("--url wins over KP_URL").isEqualTo("http://other:1");
  }

  private static java.util.List<String> urlDefaults(Map<String, String> environment) {
    java.util.List<String> defaults = new java.util.ArrayList<>();
    collectUrlDefaults(KpCli.commandLine(environment), defaults);
    return defaults;
  }

  private static void collectUrlDefaults(CommandLine cli, java.util.List<String> defaults) {
    OptionSpec url = cli.getCommandSpec().findOption("--url");
    if (url != null) {
      defaults.add(url.defaultValueString());
    }
    cli.getSubcommands().values().forEach(sub -> collectUrlDefaults(sub, defaults));
  }

  @Test
  void anUnknownOptionIsAUsageMistakeExitingTwo() {
    Run run = kp("query", "--actor", "x", "--bogus", "/api/log/heads");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("kp query: Unknown option: '--bogus'", "Try 'kp query --help'");
    assertNoStackTrace(run);
  }

  @Test
  void aTargetWithoutALeadingSlashIsAUsageMistakeNamingTheRule() throws Exception {
    Run run = kp("query", "--actor", actor().toString(), "api/log/heads");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("starts with /", "/api/log/heads");
    assertNoStackTrace(run);
  }

  @Test
  void aMissingKeyFolderIsOneLineAndExitsOne() {
    Path missing = dir.resolve("keys/nobody");
    Run run = kp("query", "--actor", missing.toString(), "/api/log/heads");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("kp query: no such file or directory: " + missing.resolve("cert.pem"));
  }

  @Test
  void debugAddsTheStackTrace() {
    Run run = kp("query", "--debug", "--actor", dir.resolve("none").toString(), "/api/log/heads");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no such file or directory", "\tat ");
  }

  @Test
  void connectionRefusedNamesTheUrlAndHowToChangeIt() throws Exception {
    String url = "http://127.0.0.1:" + freePort();
    Path actor = actor();
    Run query = kp(Map.of("KP_URL", url), "query", "--actor", actor.toString(), "/api/log/heads");
    assertThat(query.exit()).isEqualTo(1);
    assertThat(query.err().strip())
        .isEqualTo(
            "kp query: no ledger node answers at "
                + url
                + " (connection refused); start one (bin/kp serve) or give its address with"
                + " --url or KP_URL");
    Path envelope = Files.writeString(dir.resolve("env.json"), "{}");
    Run submit = kp(Map.of("KP_URL", url), "submit", envelope.toString());
    assertThat(submit.exit()).isEqualTo(1);
    assertThat(submit.err()).contains("no ledger node answers at " + url);
    assertNoStackTrace(submit);
    Run export =
        kp(
            "audit",
            "export",
            "--url",
            url,
            "--actor",
            actor.toString(),
            "--out",
            dir.resolve("x.zip").toString());
    assertThat(export.exit()).isEqualTo(1);
    assertThat(export.err()).contains("kp audit export: no ledger node answers at " + url);
    assertNoStackTrace(export);
  }

  @Test
  void aFirstPreviousCheckpointThatDoesNotExistYetIsExplained() throws Exception {
    Path last = dir.resolve("last.txt");
    Run export =
        kp(
            "audit",
            "export",
            "--actor",
            actor().toString(),
            "--previous-checkpoint",
            last.toString(),
            "--out",
            dir.resolve("jan.zip").toString());
    assertThat(export.exit()).isEqualTo(1);
    assertThat(export.err().strip())
        .isEqualTo(
            "kp audit export: "
                + last
                + ": no previous checkpoint there yet; on a first audit leave out"
                + " --previous-checkpoint, and keep the one kp verify --save-checkpoint writes for"
                + " the next");
    Run verify =
        kp("verify", dir.resolve("jan.zip").toString(), "--previous-checkpoint", last.toString());
    assertThat(verify.exit()).isEqualTo(1);
    assertThat(verify.err()).contains("no previous checkpoint there yet");
    assertNoStackTrace(verify);
  }

  @Test
  void anUnreadableBundleFailsWithExitOne() {
    Run run = kp("verify", dir.resolve("absent.zip").toString());
    assertThat(run.exit()).isEqualTo(1);
  }

  private Path actor() throws Exception {
    Path ca = dir.resolve("BO-TEST/ca");
    Path actor = dir.resolve("test-buyer");
    if (!Files.exists(actor)) {
      assertThat(
              kp(
                      "ca",
                      "init",
                      "--org",
                      "BO-TEST",
                      "--type",
                      "BUYING_OFFICE",
                      "--name",
                      "Test",
                      "--dir",
                      ca.toString())
                  .exit())
          .isZero();
      assertThat(
              kp(
                      "actor",
                      "issue",
                      "--ca",
                      ca.toString(),
                      "--actor",
                      "test-buyer",
                      "--role",
                      "BUYER",
                      "--out",
                      actor.toString())
                  .exit())
          .isZero();
    }
    return actor;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void assertNoStackTrace(Run run) {
    assertThat(run.err()).doesNotContain("\tat ", "Exception in thread");
  }

  @Test
  void completionPrintsABashAndZshScriptNamingEveryCommandAndSubcommand() {
    Run run = kp("completion");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("complete -F", "bashcompinit", "--url", "--actor");
    java.util.List<String> names = new java.util.ArrayList<>();
    collectNames(KpCli.commandLine(Map.of()), names);
    assertThat(names).contains("serve", "query", "verify", "completion", "export");
    for (String name : names) {
      assertThat(run.out())
          .as(name)
          .containsPattern("\\b" + java.util.regex.Pattern.quote(name) + "\\b");
    }
  }

  private static void collectNames(CommandLine cli, java.util.List<String> names) {
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              names.add(name);
              collectNames(sub, names);
            });
  }
}
