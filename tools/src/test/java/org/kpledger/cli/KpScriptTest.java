package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/kp} runs the jar where the user stands, so {@code keys/...}, {@code slip.json} and the
 * node's {@code ./data} are relative to the user's directory; the repository is passed to the jar
 * as {@code -Dkp.home} for the few defaults that live in it. Run with stand-ins for {@code java}
 * and {@code mvn} that only report what they were given.
 */
class KpScriptTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void runsTheJarInTheCallersDirectoryWithRelativePathsUnchanged() throws Exception {
    Path stubs = Files.createDirectories(dir.resolve("stubs"));
    stub(stubs.resolve("java"), "echo \"pwd=$PWD\"; for a in \"$@\"; do echo \"arg=$a\"; done");
    stub(stubs.resolve("mvn"), "exit 0");
    Path caller = Files.createDirectories(dir.resolve("caller")).toRealPath();
    ProcessBuilder kp =
        new ProcessBuilder(
                "bash", REPOSITORY.resolve("bin/kp").toString(), "sign", "--payload", "slip.json")
            .directory(caller.toFile())
            .redirectErrorStream(true);
    kp.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
    Process p = kp.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out)
        .contains(
            "pwd=" + caller,
            "arg=-Dkp.home=" + REPOSITORY.toRealPath(),
            "arg=--payload\narg=slip.json");
  }

  @Test
  void shortCommandsStartWithQuickJvmFlagsAndTheNodeWithTheJvmDefaults() throws Exception {
    Path stubs = Files.createDirectories(dir.resolve("stubs"));
    stub(stubs.resolve("java"), "for a in \"$@\"; do echo \"arg=$a\"; done");
    stub(stubs.resolve("mvn"), "exit 0");
    String sign = runKp(stubs, "sign", "--template", "RecordPurchase");
    assertThat(sign)
        .contains("arg=-XX:TieredStopAtLevel=1", "arg=-XX:+UseSerialGC", "arg=-Xshare:auto")
        .contains("arg=sign\narg=--template\narg=RecordPurchase");
    for (String longRun : new String[] {"serve", "bench", "generate"}) {
      String out = runKp(stubs, "--debug", longRun, "--help");
      assertThat(out)
          .as(longRun)
          .contains("arg=--debug\narg=" + longRun + "\narg=--help")
          .doesNotContain("TieredStopAtLevel", "UseSerialGC", "SharedArchiveFile");
    }
  }

  @Test
  void aFirstBuildShowsOneLinePerModuleOnStderrWithoutAnsiCodesAndLeavesStdoutClean()
      throws Exception {
    // a copy of bin/kp in a repository without the jar, so that it builds (with the mvn stand-in)
    Path repository = Files.createDirectories(dir.resolve("repository"));
    Files.createDirectories(repository.resolve("bin"));
    Files.copy(REPOSITORY.resolve("bin/kp"), repository.resolve("bin/kp"));
    Path stubs = Files.createDirectories(dir.resolve("stubs"));
    String esc = "\\033";
    stub(
        stubs.resolve("mvn"),
        String.join(
            "\n",
            "printf '" + esc + "[1;34m[INFO]" + esc + "[m Scanning for projects...\\n'",
            "printf '[INFO] "
                + esc
                + "[1mBuilding kp-ledger-ledger 0.1.0-SNAPSHOT [1/3]"
                + esc
                + "[m\\n'",
            "printf '[INFO] --- compiler:3.13.0:compile (default-compile) @ kp-ledger-ledger\\n'",
            "printf '[WARNING] a plugin note nobody needs on a first run\\n'",
            "printf '[INFO] Building kp-ledger-api 0.1.0-SNAPSHOT [2/3]\\n' >&2",
            "printf '" + esc + "[0m[INFO] BUILD SUCCESS" + esc + "[0m\\n'"));
    stub(stubs.resolve("java"), "echo \"java ran\"");
    ProcessBuilder kp =
        new ProcessBuilder("bash", repository.resolve("bin/kp").toString(), "--version")
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    kp.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
    Process p = kp.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(err)
        .as("the build's progress: one line per module, on stderr")
        .contains("kp: building the ledger")
        .contains("kp:   Building kp-ledger-ledger 0.1.0-SNAPSHOT [1/3]\n")
        .contains("kp:   Building kp-ledger-api 0.1.0-SNAPSHOT [2/3]\n")
        .doesNotContain("\u001b", "Scanning for projects", "compiler:", "[WARNING]", "SUCCESS");
    assertThat(out).as("stdout is kp's own (kp query | jq on a first run)").isEqualTo("java ran\n");
  }

  private String runKp(Path stubs, String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add("bash");
    command.add(REPOSITORY.resolve("bin/kp").toString());
    command.addAll(java.util.List.of(args));
    ProcessBuilder kp =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    kp.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
    Process p = kp.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void theNetworkDescriptionDefaultIsFoundInTheRepositoryKpHomeNames() {
    String before = System.getProperty("kp.home");
    System.setProperty("kp.home", "/opt/kp-ledger");
    try {
      CommandLine cli = KpCli.commandLine(java.util.Map.of());
      cli.parseArgs("bench", "anchor");
      BenchCommand.Anchor anchor =
          cli.getSubcommands().get("bench").getSubcommands().get("anchor").getCommand();
      String networkDefault = anchor.networkProperties.toString();
      assertThat(networkDefault).isEqualTo("/opt/kp-ledger/network-config/work/network.properties");
    } finally {
      if (before == null) {
        System.clearProperty("kp.home");
      } else {
        System.setProperty("kp.home", before);
      }
    }
  }

  private static void stub(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
