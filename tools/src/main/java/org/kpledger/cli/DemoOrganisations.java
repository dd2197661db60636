package org.kpledger.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.world.ActorCredentials;
import org.kpledger.world.Organisations;

/**
 * The demo's organisations and actors, made by the tools' one world builder ({@link
 * Organisations}). Each organisation's CA and each actor's key live in its own directory under
 * {@code <data>/demo}; only CA certificates are copied to the node's trust directory, as an
 * operator enrolling an organisation would.
 */
final class DemoOrganisations {
  /** actor id, organisation id, organisation type, role. */
  private static final String[][] ACTORS = {
    {"kp-registrar", "CAR-KP", "KP_AUTHORITY", "REGISTRAR"},
    {"becdor-valuer", "CAR-KP", "KP_AUTHORITY", "VALUER"},
    {"kp-certifier", "CAR-KP", "KP_AUTHORITY", "CERTIFYING_OFFICER"},
    {"kp-inspector", "CAR-KP", "KP_AUTHORITY", "INSPECTOR"},
    {"mt-monitor", "KP-MT", "MONITORING_TEAM", "MONITOR"},
    {"alpha-buyer", "BO-ALPHA", "BUYING_OFFICE", "BUYER"},
    {"beta-buyer", "BO-BETA", "BUYING_OFFICE", "BUYER"},
    {"col-ndoumba", "COLL-MAMBERE", "COLLECTORS_ASSOCIATION", "COLLECTOR"},
    {"col-yakite", "COLL-MAMBERE", "COLLECTORS_ASSOCIATION", "COLLECTOR"},
    {"auditor-1", "AUD-FORENSIC", "AUDITOR", "AUDITOR"},
    {"be-import-officer", "BE-IMPORT", "IMPORTING_AUTHORITY", "IMPORT_OFFICER"},
  };

  /**
   * The country each importing authority is bound to (its CA's C=): it confirms receipt only of
   * certificates whose importer is in that country.
   */
  private static final Map<String, String> COUNTRIES = Map.of("BE-IMPORT", "BE");

  private final Map<String, ActorKey> actors = new HashMap<>();

  private DemoOrganisations() {}

  /** Creates (or reloads) every demo organisation and actor, and enrols the CAs in trustDir. */
  static DemoOrganisations prepare(Path demoDir, Path trustDir) throws IOException {
    DemoOrganisations orgs = new DemoOrganisations();
    Organisations world = Organisations.keptUnder(demoDir, Instant.now());
    for (String[] a : ACTORS) {
      ActorCredentials actor =
          world.actor(
              a[1], OrganisationType.valueOf(a[2]), COUNTRIES.get(a[1]), a[0], Role.valueOf(a[3]));
      orgs.actors.put(a[0], new ActorKey(actor.certificate(), actor.key()));
    }
    world.enrol(trustDir);
    return orgs;
  }

  /**
   * One line per demo actor naming its key and certificate files under {@code demoDir}, the two
   * files the web console signs in with, e.g. {@code mt-monitor (KP-MT, MONITOR):
   * data/demo/KP-MT/actors/mt-monitor/key.pem + cert.pem}.
   */
  static List<String> keyFiles(Path demoDir) {
    List<String> lines = new ArrayList<>();
    for (String[] a : ACTORS) {
      Path dir = demoDir.resolve(a[1]).resolve("actors").resolve(a[0]);
      lines.add(
          String.format(
              "%s (%s, %s): %s + %s",
              a[0], a[1], a[3], dir.resolve(ActorKey.KEY), dir.resolve(ActorKey.CERT)));
    }
    return lines;
  }

  /** The key of a demo actor. */
  ActorKey actor(String actorId) {
    ActorKey key = actors.get(actorId);
    if (key == null) {
      throw new IllegalArgumentException("no demo actor " + actorId);
    }
    return key;
  }
}
