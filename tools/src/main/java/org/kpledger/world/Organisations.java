package org.kpledger.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.kpledger.signing.EcdsaP256;

/**
 * The organisations of a world and their actors: one CA per organisation (valid from two days
 * before {@code now} for ten years), one key and certificate per actor (from two days before {@code
 * now} for two years). Kept under a directory ({@code <dir>/<organisation>/ca} and {@code
 * <dir>/<organisation>/actors/<actor>}), a world made once is reloaded as it was, so a resumed
 * generator or a restarted demo signs with the same keys; or held in memory only, for a benchmark's
 * throwaway world.
 */
public final class Organisations {
  private final Path dir;
  private final Instant now;
  private final Map<String, OrganisationCa> cas = new LinkedHashMap<>();

  private Organisations(Path dir, Instant now) {
    this.dir = dir;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A world whose CAs and actors are kept under {@code dir}, reloaded when already there. */
  public static Organisations keptUnder(Path dir, Instant now) {
    return new Organisations(dir, now);
  }

  /** A world held in memory only. */
  public static Organisations inMemory(Instant now) {
    return new Organisations(null, now);
  }

  /**
   * The actor {@code actorId} of organisation {@code org} with {@code role}: reloaded if kept, else
   * made, with the organisation's CA (made on its first actor; its certificate names {@code
   * country} when not null, as an importing authority's must).
   */
  public ActorCredentials actor(
      String org, OrganisationType type, String country, String actorId, Role role) {
    OrganisationCa ca = cas.computeIfAbsent(org, o -> ca(o, type, country));
    Path actorDir = dir == null ? null : dir.resolve(org).resolve("actors").resolve(actorId);
    try {
      if (actorDir != null && ActorCredentials.isIn(actorDir)) {
        return ActorCredentials.load(actorId, actorDir);
      }
      KeyPair pair = EcdsaP256.generateKeyPair();
      ActorCredentials actor =
          new ActorCredentials(
              actorId,
              ca.issueActorCertificate(
                  actorId,
                  role,
                  pair.getPublic(),
                  now.minus(2, ChronoUnit.DAYS),
                  now.plus(730, ChronoUnit.DAYS)),
              pair.getPrivate());
      if (actorDir != null) {
        actor.save(actorDir);
      }
      return actor;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #actor(String, OrganisationType, String, String, Role)} with no country. */
  public ActorCredentials actor(String org, OrganisationType type, String actorId, Role role) {
    return actor(org, type, null, actorId, role);
  }

  /**
   * Enrols every organisation's CA in the node's {@code trustDir} ({@code <organisation>.pem}), as
   * an operator would; returns whether that changed the directory (the node rereads it within a
   * second).
   */
  public boolean enrol(Path trustDir) throws IOException {
    Files.createDirectories(trustDir);
    boolean changed = false;
    for (Map.Entry<String, OrganisationCa> e : cas.entrySet()) {
      Path pem = trustDir.resolve(e.getKey() + ".pem");
      String text = Pem.writeCertificate(e.getValue().certificate());
      if (!Files.exists(pem) || !Files.readString(pem).equals(text)) {
        Files.writeString(pem, text);
        changed = true;
      }
    }
    return changed;
  }

  private OrganisationCa ca(String org, OrganisationType type, String country) {
    Path caDir = dir == null ? null : dir.resolve(org).resolve("ca");
    if (caDir != null && Files.isDirectory(caDir)) {
      return OrganisationCa.load(caDir);
    }
    OrganisationCa ca =
        OrganisationCa.create(
            org,
            type,
            org,
            country,
            now.minus(2, ChronoUnit.DAYS),
            now.plus(3650, ChronoUnit.DAYS));
    if (caDir != null) {
      // written aside and renamed, so an interrupted run never leaves half a CA behind
      Path tmp = caDir.resolveSibling("ca.tmp");
      try {
        ca.save(tmp);
        Files.move(tmp, caDir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ca;
  }
}
