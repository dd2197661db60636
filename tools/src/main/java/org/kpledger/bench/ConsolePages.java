package org.kpledger.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each page of the web console ({@code static/js/app.js}) asks the node, in the page's order:
 * one entry per page function of the console's router, each a list of steps, each step the requests
 * the page sends at once ({@code Promise.all}), signed as the page's reader or unsigned. Targets
 * name the ids a sample draws from the generated world in braces: {@code {shipment}}, {@code
 * {office}}, {@code {zone}}, {@code {day}}, {@code {event}}, {@code {certificate}}.
 */
final class ConsolePages {
  private ConsolePages() {}

  /** Whose signature a request carries. */
  enum Reader {
    /** The Monitoring Team member (the review, dossier, zone, sites and re-evaluation pages). */
    MONITOR,
    /** The buyer of the sample's buying office (the custody page reads its own holdings). */
    OFFICE_BUYER,
    /** The forensic auditor (the audit page's proof and event leaf). */
    AUDITOR,
    /** Nobody: a public read the page sends without a signature. */
    PUBLIC
  }

  /** One GET of a page; {@code text} when the page reads the answer as text, not JSON. */
  record Request(String target, Reader reader, boolean text) {
    /** The target with the sample's ids in place of its braces. */
    String resolve(Function<String, String> ids) {
      Matcher m = Pattern.compile("\\{(\\w+)}").matcher(target);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(ids.apply(m.group(1))));
      }
      return m.appendTail(out).toString();
    }
  }

  /**
   * Requests a page sends together; it waits for the slowest.
   *
   * @param trigger what sends them: the page's loading, or the click the page asks for
   */
  record Step(String trigger, List<Request> requests) {}

  /**
   * A page of the console.
   *
   * @param function the page's function in app.js's router
   * @param route the hash route a sample opens
   * @param steps the page's requests in its order; empty when the page asks the node nothing
   */
  record Page(String function, String route, List<Step> steps) {}

  private static Request monitor(String target) {
    return new Request(target, Reader.MONITOR, false);
  }

  private static Step onLoad(Request... requests) {
    return new Step("load", List.of(requests));
  }

  /** Every page of app.js's router, in the router's order. */
  static final List<Page> PAGES =
      List.of(
          new Page("home", "#/", List.of()),
          new Page("signInPage", "#/sign-in", List.of()),
          new Page(
              "reviewPage",
              "#/review",
              List.of(onLoad(monitor("/api/shipments?status=PROPOSED&size=200")))),
          new Page(
              "shipmentPage",
              "#/shipments/{shipment}",
              List.of(
                  onLoad(
                      monitor("/api/shipments/{shipment}/dossier"),
                      monitor("/api/trace/back/shipments/{shipment}?size=500")),
                  new Step(
                      "click on the shipment's node of the graph",
                      List.of(monitor("/api/history/{shipment}"))),
                  new Step(
                      "click on Show the signed steps (the lineage's first page)",
                      List.of(
                          monitor(
                              "/api/shipments/{shipment}/dossier/signatures?page=0&size=20"))))),
          new Page(
              "custodyPage",
              "#/custody/{day}",
              List.of(
                  onLoad(
                      new Request(
                          "/api/holdings?holder={office}&asOf={day}&size=500",
                          Reader.OFFICE_BUYER,
                          false),
                      new Request("/api/shipments?size=200", Reader.OFFICE_BUYER, false),
                      new Request(
                          "/api/balance/parties/{office}?from={month}&to={day}",
                          Reader.OFFICE_BUYER,
                          false)),
                  onLoad(
                      new Request(
                          "/api/statistics/offices?office={office}", Reader.OFFICE_BUYER, false)))),
          new Page(
              "certificatePage",
              "#/certificate/{certificate}",
              List.of(
                  onLoad(
                      new Request(
                          "/api/public/certificates/{certificate}", Reader.PUBLIC, false)))),
          new Page(
              "auditPage",
              "#/audit/{event}",
              List.of(
                  new Step(
                      "click on Load the node's key",
                      List.of(new Request("/api/log/verifier-key", Reader.PUBLIC, true))),
                  new Step(
                      "click on Verify the checkpoint",
                      List.of(new Request("/api/log/checkpoint", Reader.PUBLIC, true))),
                  new Step(
                      "click on Fetch the proof",
                      List.of(
                          new Request("/api/log/events/{event}/inclusion", Reader.AUDITOR, false))),
                  new Step(
                      "the same click, then the event's leaf",
                      List.of(
                          new Request("/api/audit/events/{event}/leaf", Reader.AUDITOR, true))))),
          new Page(
              "zonePage",
              "#/zones/{zone}",
              List.of(
                  onLoad(
                      monitor("/api/zones/{zone}/history"),
                      monitor("/api/sites?zone={zone}&size=500")))),
          new Page(
              "reevaluationsPage",
              "#/re-evaluations",
              List.of(onLoad(monitor("/api/re-evaluations?size=200")))),
          new Page(
              "sitesPage",
              "#/sites/{day}",
              List.of(onLoad(monitor("/api/sites?size=500&asOf={day}")))));

  /** The pages by their router function. */
  static Map<String, Page> byFunction() {
    return PAGES.stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Page::function, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
