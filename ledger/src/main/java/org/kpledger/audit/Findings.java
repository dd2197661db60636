package org.kpledger.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Collects findings from many threads; keeps every count, but at most {@link #KEPT_PER_RULE}
 * findings of each rule so a bundle signed with the wrong key cannot exhaust memory.
 */
final class Findings {

  static final int KEPT_PER_RULE = 1000;

  private final AtomicLongArray counts = new AtomicLongArray(Rule.values().length);
  private final List<Finding> kept = new ArrayList<>();

  void add(Rule rule, String subject, String detail) {
    long n = counts.getAndIncrement(rule.ordinal());
    if (n < KEPT_PER_RULE) {
      synchronized (kept) {
        kept.add(new Finding(rule, subject, detail));
      }
    }
  }

  static String event(String eventId) {
    return "event:" + eventId;
  }

  List<Finding> kept() {
    synchronized (kept) {
      List<Finding> sorted = new ArrayList<>(kept);
      sorted.sort(
          Comparator.comparing(Finding::rule)
              .thenComparing(Finding::subject)
              .thenComparing(Finding::detail));
      return sorted;
    }
  }

  Map<Rule, Long> counts() {
    Map<Rule, Long> byRule = new EnumMap<>(Rule.class);
    for (Rule rule : Rule.values()) {
      long n = counts.get(rule.ordinal());
      if (n > 0) {
        byRule.put(rule, n);
      }
    }
    return byRule;
  }
}
