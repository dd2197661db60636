package org.kpledger.api;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.kpledger.signing.EcdsaP256;

/** Organisation CAs and actors for tests, with the CA certificates enrolled in a trust dir. */
public final class TestPki {
  /** An actor's certificate and key. */
  public record TestActor(String actorId, X509Certificate certificate, PrivateKey key) {}

  private final Path trustDir;
  private final Map<String, OrganisationCa> cas = new HashMap<>();
  private final Map<String, TestActor> actors = new HashMap<>();
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  public TestPki(Path trustDir) throws IOException {
    this.trustDir = trustDir;
    Files.createDirectories(trustDir);
  }

  /** Creates an organisation CA; {@code enrol} puts its certificate in the trust dir. */
  public OrganisationCa organisation(String orgId, OrganisationType type, boolean enrol)
      throws IOException {
    return organisation(orgId, type, null, enrol);
  }

  /** Creates an organisation CA naming a country (C=, an importing authority's binding). */
  public OrganisationCa organisation(
      String orgId, OrganisationType type, String country, boolean enrol) throws IOException {
    OrganisationCa ca =
        OrganisationCa.create(
            orgId,
            type,
            orgId,
            country,
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(3650)));
    cas.put(orgId, ca);
    if (enrol) {
      Files.writeString(trustDir.resolve(orgId + ".pem"), Pem.writeCertificate(ca.certificate()));
    }
    return ca;
  }

  /** Enrols an existing CA (one of a Fabric network's organisations) and issues from it. */
  public OrganisationCa enrol(OrganisationCa ca) throws IOException {
    cas.put(ca.organisationId(), ca);
    Files.writeString(
        trustDir.resolve(ca.organisationId() + ".pem"), Pem.writeCertificate(ca.certificate()));
    return ca;
  }

  /** An actor valid from a day ago for a year. */
  public TestActor actor(String orgId, String actorId, Role role) {
    return actor(
        orgId, actorId, role, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
  }

  /** An actor with the given validity. */
  public TestActor actor(String orgId, String actorId, Role role, Instant from, Instant until) {
    KeyPair pair = EcdsaP256.generateKeyPair();
    X509Certificate cert =
        cas.get(orgId).issueActorCertificate(actorId, role, pair.getPublic(), from, until);
    TestActor a = new TestActor(actorId, cert, pair.getPrivate());
    actors.put(actorId, a);
    return a;
  }

  /** A CRL of the organisation revoking the given serials now. */
  public X509CRL revocationList(String orgId, BigInteger... serials) {
    Map<BigInteger, Instant> revoked = new HashMap<>();
    for (BigInteger s : serials) {
      revoked.put(s, now.minus(Duration.ofMinutes(1)));
    }
    return cas.get(orgId)
        .issueRevocationList(
            revoked, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)));
  }

  public TestActor get(String actorId) {
    return actors.get(actorId);
  }
}
