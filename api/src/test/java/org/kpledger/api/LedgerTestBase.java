package org.kpledger.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real ledger node on a random port over an H2 file database in a temporary directory (or a
 * PostgreSQL database of its own, see {@link TestDatabase}), with the organisations of the KP chain
 * enrolled: the CAR KP authority, the Monitoring Team, four buying offices, a collectors'
 * association, a forensic auditor and an importing authority. Booted as every test node is ({@link
 * NodeTestBase}); test classes of this base share it.
 */
public abstract class LedgerTestBase extends NodeTestBase {
  protected static final Path DATA;
  protected static final TestPki PKI;

  static {
    DATA = dataDirectory("kp-ledger-test");
    try {
      PKI = new TestPki(DATA.resolve("trust"));
      PKI.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
      PKI.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
      PKI.organisation("BO-ALPHA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("BO-BETA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("BO-GAMMA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("BO-DELTA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("COLL-MK", OrganisationType.COLLECTORS_ASSOCIATION, true);
      PKI.organisation("AUD-FA", OrganisationType.AUDITOR, true);
      PKI.organisation("BE-IMPORT", OrganisationType.IMPORTING_AUTHORITY, "BE", true);
      PKI.organisation("AE-IMPORT", OrganisationType.IMPORTING_AUTHORITY, "AE", true);
      PKI.organisation("ROGUE", OrganisationType.BUYING_OFFICE, false);
      PKI.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
      PKI.actor("CAR-KP", "becdor-valuer", Role.VALUER);
      PKI.actor("CAR-KP", "kp-certifier", Role.CERTIFYING_OFFICER);
      PKI.actor("CAR-KP", "kp-inspector", Role.INSPECTOR);
      PKI.actor("KP-MT", "mt-monitor", Role.MONITOR);
      PKI.actor("BO-ALPHA", "alpha-buyer", Role.BUYER);
      PKI.actor("BO-BETA", "beta-buyer", Role.BUYER);
      PKI.actor("BO-GAMMA", "gamma-buyer", Role.BUYER);
      PKI.actor("BO-DELTA", "delta-buyer", Role.BUYER);
      PKI.actor("COLL-MK", "col-ndoumba", Role.COLLECTOR);
      PKI.actor("COLL-MK", "col-yakite", Role.COLLECTOR);
      PKI.actor("AUD-FA", "auditor-1", Role.AUDITOR);
      PKI.actor("BE-IMPORT", "be-officer", Role.IMPORT_OFFICER);
      PKI.actor("AE-IMPORT", "ae-officer", Role.IMPORT_OFFICER);
      PKI.actor("ROGUE", "rogue-buyer", Role.BUYER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void ledgerProperties(DynamicPropertyRegistry registry) {
    nodeOn(DATA, registry);
  }

  @Override
  protected TestPki pki() {
    return PKI;
  }
}
