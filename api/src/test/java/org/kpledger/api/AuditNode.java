package org.kpledger.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A ledger node of its own (not shared with {@link LedgerTestBase}'s), over an H2 file in a
 * temporary directory that its tests may tamper with; heads are signed every 100 ms. Booted, called
 * and asserted on as every test node is ({@link NodeTestBase}).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AuditNode extends NodeTestBase {
  static final Path DATA;
  static final TestPki PKI;

  static {
    DATA = dataDirectory("kp-audit-node");
    try {
      PKI = new TestPki(DATA.resolve("trust"));
      PKI.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
      PKI.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
      PKI.organisation("BO-ALPHA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("COLL-MK", OrganisationType.COLLECTORS_ASSOCIATION, true);
      PKI.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
      PKI.actor("CAR-KP", "becdor-valuer", Role.VALUER);
      PKI.actor("CAR-KP", "kp-certifier", Role.CERTIFYING_OFFICER);
      PKI.actor("KP-MT", "mt-monitor", Role.MONITOR);
      PKI.actor("BO-ALPHA", "alpha-buyer", Role.BUYER);
      PKI.actor("COLL-MK", "col-ndoumba", Role.COLLECTOR);
      PKI.actor("COLL-MK", "col-yakite", Role.COLLECTOR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void nodeProperties(DynamicPropertyRegistry registry) {
    nodeOn(DATA, registry);
    registry.add("kp.anchoring.every-interval", () -> "PT0.1S");
  }

  @Override
  protected TestPki pki() {
    return PKI;
  }
}
