package org.kpledger.canonical;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One RFC 8785 implementation in the ledger: envelopes, certificate content and Merkle leaves are
 * all canonicalised by {@link CanonicalJson}. The reference library is used only for its ES6 number
 * formatting ({@code NumberToJSON}) and, in the tests, as the oracle. Issue #18.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class OneCanonicalJsonRuleTest {

  @ArchTest
  static final ArchRule onlyCanonicalJsonCanonicalises =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.erdtman.jcs.JsonCanonicalizer")
          .because(
              "two canonicalisers could disagree on a signed or hashed byte; CanonicalJson is the"
                  + " one the ledger runs, cross-checked against the reference in the tests");
}
