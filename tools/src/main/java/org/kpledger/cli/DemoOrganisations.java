package org.kpledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.kpledger.signing.EcdsaP256;

/**
 * The demo's organisations and actors. Each organisation's CA and each actor's key live in its own
 * directory under {@code <data>/demo}; only CA certificates are copied to the node's trust
 * directory, as an operator enrolling an organisation would.
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
    Files.createDirectories(trustDir);
    Map<String, OrganisationCa> cas = new HashMap<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (String[] a : ACTORS) {
      OrganisationCa ca = cas.computeIfAbsent(a[1], org -> ca(demoDir, org, a[2], now));
      Path actorDir = demoDir.resolve(a[1]).resolve("actors").resolve(a[0]);
      ActorKey key;
      if (Files.exists(actorDir.resolve(ActorKey.KEY))) {
        key = ActorKey.load(actorDir);
      } else {
        KeyPair pair = EcdsaP256.generateKeyPair();
        key =
            new ActorKey(
                ca.issueActorCertificate(
                    a[0],
                    Role.valueOf(a[3]),
                    pair.getPublic(),
                    now.minus(2, ChronoUnit.DAYS),
                    now.plus(730, ChronoUnit.DAYS)),
                pair.getPrivate());
        key.save(actorDir);
      }
      orgs.actors.put(a[0], key);
    }
    for (Map.Entry<String, OrganisationCa> e : cas.entrySet()) {
      Files.writeString(
          trustDir.resolve(e.getKey() + ".pem"), Pem.writeCertificate(e.getValue().certificate()));
    }
    return orgs;
  }

  private static OrganisationCa ca(Path demoDir, String org, String type, Instant now) {
    Path dir = demoDir.resolve(org).resolve("ca");
    if (Files.isDirectory(dir)) {
      return OrganisationCa.load(dir);
    }
    OrganisationCa ca =
        OrganisationCa.create(
            org,
            OrganisationType.valueOf(type),
            org,
            COUNTRIES.get(org),
            now.minus(2, ChronoUnit.DAYS),
            now.plus(3650, ChronoUnit.DAYS));
    ca.save(dir);
    return ca;
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
