package org.kpledger.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.world.ActorCredentials;
import org.kpledger.world.Organisations;

/**
 * The organisations and actors of a generated year: the national KP authority (registrar, BECDOR
 * valuer, certifying officer, inspector), the Monitoring Team, each buying office's buyer, one
 * collector per collector in a collectors' association, a forensic auditor and two importing
 * authorities, made by the tools' one world builder ({@link Organisations}). CAs and keys are
 * created once and kept under {@code <state>/identities}; only the CA certificates go to the node's
 * trust directory, as an operator enrolling them would.
 */
final class Identities {
  static final String[] IMPORTERS = {"BE", "AE"};

  private final Organisations world;
  private final Map<String, Signer> signers = new HashMap<>();
  final String registrar;
  final String valuer;
  final String certifier;
  final String inspector;
  final String monitor;
  final String auditor;

  /** The actors' names only, for planning (no keys). */
  static Identities named(String prefix) {
    return new Identities(null, prefix);
  }

  private Identities(Path dir, String prefix) {
    this.world = dir == null ? null : Organisations.keptUnder(dir, Instant.now());
    this.registrar = prefix + "-registrar";
    this.valuer = prefix + "-valuer";
    this.certifier = prefix + "-certifier";
    this.inspector = prefix + "-inspector";
    this.monitor = prefix + "-monitor";
    this.auditor = prefix + "-auditor";
  }

  /** Creates or reloads every identity of the country and enrols the CAs in {@code trustDir}. */
  static Identities prepare(Path stateDir, Path trustDir, Country country) throws IOException {
    String p = country.prefix;
    Identities ids = new Identities(stateDir.resolve("identities"), p);
    String kp = p + "-CAR-KP";
    ids.actor(kp, OrganisationType.KP_AUTHORITY, ids.registrar, Role.REGISTRAR);
    ids.actor(kp, OrganisationType.KP_AUTHORITY, ids.valuer, Role.VALUER);
    ids.actor(kp, OrganisationType.KP_AUTHORITY, ids.certifier, Role.CERTIFYING_OFFICER);
    ids.actor(kp, OrganisationType.KP_AUTHORITY, ids.inspector, Role.INSPECTOR);
    ids.actor(p + "-KP-MT", OrganisationType.MONITORING_TEAM, ids.monitor, Role.MONITOR);
    ids.actor(p + "-AUD", OrganisationType.AUDITOR, ids.auditor, Role.AUDITOR);
    for (String country2 : IMPORTERS) {
      ids.actor(
          p + "-" + country2 + "-IMPORT",
          OrganisationType.IMPORTING_AUTHORITY,
          country2,
          importOfficer(p, country2),
          Role.IMPORT_OFFICER);
    }
    for (int b = 0; b < country.scale.offices(); b++) {
      ids.actor(country.office(b), OrganisationType.BUYING_OFFICE, country.buyer(b), Role.BUYER);
    }
    for (int c = 0; c < country.scale.collectors(); c++) {
      ids.actor(
          p + "-COLL",
          OrganisationType.COLLECTORS_ASSOCIATION,
          country.collector(c),
          Role.COLLECTOR);
    }
    ids.enrol(trustDir);
    return ids;
  }

  static String importOfficer(String prefix, String country) {
    return prefix + "-" + country + "-import-officer";
  }

  Signer get(String actorId) {
    Signer s = signers.get(actorId);
    if (s == null) {
      throw new IllegalArgumentException("no generated actor " + actorId);
    }
    return s;
  }

  /** Whether enrolling changed the trust directory (the node rereads it within a second). */
  boolean enrolledNew;

  private void enrol(Path trustDir) throws IOException {
    enrolledNew = world.enrol(trustDir);
  }

  private void actor(String org, OrganisationType type, String actorId, Role role) {
    actor(org, type, null, actorId, role);
  }

  /** An actor of an organisation whose CA names {@code country} (null for none). */
  private void actor(String org, OrganisationType type, String country, String actorId, Role role) {
    ActorCredentials actor = world.actor(org, type, country, actorId, role);
    signers.put(actorId, new Signer(actorId, actor.certificate(), actor.key()));
  }
}
