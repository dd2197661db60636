package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console benchmark's plan of page requests against the console it claims to replay. */
class ConsolePagesTest {
  private static String appJs() throws IOException {
    try (InputStream in =
        ConsolePagesTest.class.getClassLoader().getResourceAsStream("static/js/app.js")) {
      assertThat(in).as("static/js/app.js on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The page functions of app.js's router, in its order. */
  private static List<String> routedPages(String js) {
    int start = js.indexOf("const routes = [");
    assertThat(start).as("app.js declares its router as `const routes = [`").isNotNegative();
    String block = js.substring(start, js.indexOf("];", start));
    Matcher m = Pattern.compile("\\[/\\^.*?/,\\s*(\\w+)\\]").matcher(block);
    List<String> pages = new ArrayList<>();
    while (m.find()) {
      pages.add(m.group(1));
    }
    return pages;
  }

  @Test
  void everyPageOfTheConsolesRouterHasAnEntryAndNoOtherPageDoes() throws IOException {
    List<String> routed = routedPages(appJs());
    assertThat(routed).as("the router's pages").hasSizeGreaterThanOrEqualTo(10);
    assertThat(ConsolePages.PAGES.stream().map(ConsolePages.Page::function).toList())
        .containsExactlyElementsOf(routed);
  }

  @Test
  void everyRequestOfThePlanIsOneTheConsoleSends() throws IOException {
    String js = appJs();
    for (ConsolePages.Page page : ConsolePages.PAGES) {
      for (ConsolePages.Step step : page.steps()) {
        assertThat(step.requests()).as(page.function()).isNotEmpty();
        for (ConsolePages.Request r : step.requests()) {
          // the literal path up to the first id or query: app.js writes ids as ${...}
          String path = r.target().split("[{?]")[0];
          assertThat(js).as(page.function() + " sends " + r.target()).contains(path);
        }
      }
    }
  }

  @Test
  void aRequestTakesTheSamplesIds() {
    ConsolePages.Request r =
        new ConsolePages.Request(
            "/api/holdings?holder={office}&asOf={day}", ConsolePages.Reader.OFFICE_BUYER, false);
    assertThat(r.resolve(k -> k.equals("office") ? "CF-BO-01" : "2026-03-31"))
        .isEqualTo("/api/holdings?holder=CF-BO-01&asOf=2026-03-31");
  }
}
