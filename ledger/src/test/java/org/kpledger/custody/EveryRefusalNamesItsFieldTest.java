package org.kpledger.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every custody refusal in the ledger's sources names the payload member at fault, or says
 * explicitly that none is ({@link CustodyRuleViolation#NO_FIELD}): the node answers it as the
 * problem's {@code field}. The compiler already makes every throw site pass a field; this test
 * reads the sources and checks what is passed: a literal must be a member of some command of the
 * ledger (or a path into one), anything else must be one of the few expressions that compute one.
 */
class EveryRefusalNamesItsFieldTest {
  private static final Path MAIN = Path.of("src/main/java/org/kpledger");
  private static final Pattern CALL =
      Pattern.compile(
          "(?<![\\w.])(require|new CustodyRuleViolation|CustodyRuleViolation\\.require)\\(");

  /** The expressions that compute a field at run time, each read where it is used. */
  private static final Set<String> COMPUTED =
      Set.of(
          "field", // a parameter the caller names (FieldDate, Shipment's licence check)
          "FieldDate.FIELD",
          "c.subject()", // ExportGate: the subject, placed in the payload by Shipment
          "\"parcelIds[\" + i + \"]\"",
          "outer");

  @Test
  void everyRuleCodeHasAFieldOrExplicitlyNone() throws IOException {
    Set<String> members = commandMembers();
    TreeMap<String, Set<String>> fieldsByRule = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (Path file : sources()) {
      if (file.endsWith("CustodyRuleViolation.java")) {
        continue;
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = CALL.matcher(s);
      while (m.find()) {
        List<String> args = arguments(s, m.end() - 1);
        boolean constructor = m.group(1).startsWith("new");
        boolean declaration = s.substring(Math.max(0, m.start() - 5), m.start()).equals("void ");
        if (declaration || !constructor && args.size() != 4) {
          continue; // a declaration, or another class's own require(...)
        }
        String rule = args.get(constructor ? 0 : 1);
        String field = args.get(constructor ? 1 : 2);
        fieldsByRule.computeIfAbsent(rule, r -> new java.util.TreeSet<>()).add(field);
        if (!acceptable(field, members)) {
          wrong.add(MAIN.relativize(file) + ": " + rule + " names " + field);
        }
      }
    }
    System.out.println("custody refusals and the fields they name: " + fieldsByRule);
    assertThat(fieldsByRule).as("refusals found").hasSizeGreaterThan(50);
    assertThat(wrong).as("refusals naming no payload member").isEmpty();
  }

  private static boolean acceptable(String field, Set<String> members) {
    if (field.equals("CustodyRuleViolation.NO_FIELD") || COMPUTED.contains(field)) {
      return true;
    }
    if (!field.matches("\"[a-z][A-Za-z]*(\\[\\d+])?(\\.[a-z][A-Za-z]*)*\"")) {
      return false;
    }
    String first = field.substring(1, field.length() - 1).split("[.\\[]")[0];
    return members.contains(first);
  }

  /** Every component name of every command record in the ledger. */
  private static Set<String> commandMembers() throws IOException {
    Set<String> names = new HashSet<>();
    Pattern component = Pattern.compile("(\\w+)\\s*[,)]");
    for (Path file : sources()) {
      if (!file.getFileName().toString().endsWith("Command.java")) {
        continue;
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      int open = s.indexOf("public record ");
      if (open < 0) {
        continue;
      }
      int start = s.indexOf('(', open);
      String header = String.join(",", arguments(s, start));
      Matcher m = component.matcher(header + ")");
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  /** The top-level arguments of the call whose '(' is at {@code open}, trimmed. */
  private static List<String> arguments(String s, int open) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int from = open + 1;
    boolean inString = false;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          args.add(s.substring(from, i).trim());
          return args;
        }
      } else if (c == ',' && depth == 1) {
        args.add(s.substring(from, i).trim());
        from = i + 1;
      }
    }
    throw new IllegalStateException("unbalanced call at " + open);
  }
}
