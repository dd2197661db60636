package org.kpledger.custody;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for refusals: the exception type and the stable reason code together. */
public final class RuleViolations {
  private RuleViolations() {}

  /** Matches a {@link CustodyRuleViolation} with the given reason code. */
  public static Matcher<CustodyRuleViolation> violates(String reasonCode) {
    return new TypeSafeDiagnosingMatcher<>() {
      @Override
      protected boolean matchesSafely(CustodyRuleViolation v, Description mismatch) {
        mismatch
            .appendText("reason code was ")
            .appendValue(v.reasonCode())
            .appendText(" (")
            .appendText(v.getMessage())
            .appendText(")");
        return reasonCode.equals(v.reasonCode());
      }

      @Override
      public void describeTo(Description description) {
        description
            .appendText("a custody rule violation with reason code ")
            .appendValue(reasonCode);
      }
    };
  }
}
