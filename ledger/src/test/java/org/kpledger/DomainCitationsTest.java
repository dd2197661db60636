package org.kpledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every "kp-facts rule N" and "kp-facts §X.Y" that the code and the docs cite names a rule or a
 * section of {@code docs/domain/kp-facts.md}, which is in the repository. Issue #18.
 */
class DomainCitationsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern RULE = Pattern.compile("kp-facts rules? (\\d+)");
  private static final Pattern SECTION = Pattern.compile("kp-facts §?(\\d+\\.\\d+)");

  @Test
  void everyCitedRuleAndSectionIsInTheRepositorysFactsFile() throws IOException {
    String facts =
        Files.readString(ROOT.resolve("docs/domain/kp-facts.md"), StandardCharsets.UTF_8);
    String rules = facts.substring(facts.indexOf("## Rules a ledger should enforce"));
    List<String> missing = new ArrayList<>();
    int citations = 0;
    for (Path file : sources()) {
      String text =
          Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\s*\\n\\s*\\*?\\s*", " ");
      Matcher rule = RULE.matcher(text);
      while (rule.find()) {
        citations++;
        if (!Pattern.compile("(?m)^" + rule.group(1) + "\\. \\*\\*").matcher(rules).find()) {
          missing.add(ROOT.relativize(file) + ": " + rule.group());
        }
      }
      Matcher section = SECTION.matcher(text);
      while (section.find()) {
        citations++;
        if (!facts.contains("### " + section.group(1) + " ")) {
          missing.add(ROOT.relativize(file) + ": " + section.group());
        }
      }
    }
    assertThat(citations)
        .as("citations found (is the scan looking at the sources?)")
        .isGreaterThan(30);
    assertThat(missing)
        .as("citations of kp-facts that name nothing in docs/domain/kp-facts.md")
        .isEmpty();
  }

  private static List<Path> sources() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("ledger/src", "api/src", "tools/src", "contracts/src", "docs")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md"))
            .filter(p -> !p.startsWith(ROOT.resolve("docs/domain")))
            .forEach(files::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    files.add(ROOT.resolve("README.md"));
    files.add(ROOT.resolve("DEVELOPMENT.md"));
    return files;
  }
}
