package org.kpledger.cli;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Role;
import org.kpledger.signing.EcdsaP256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp actor}: actors' keys and certificates. */
@Command(
    name = "actor",
    description = "Actor keys and certificates.",
    subcommands = {ActorCommands.Issue.class, ActorP12Export.class},
    mixinStandardHelpOptions = true)
class ActorCommands {

  /** {@code kp actor issue}: a new key pair and a certificate from the organisation CA. */
  @Command(
      name = "issue",
      description = "Create an actor key pair and certificate.",
      mixinStandardHelpOptions = true)
  static class Issue implements Callable<Integer> {
    @Option(names = "--ca", required = true, description = "The organisation CA directory")
    Path caDir;

    @Option(names = "--actor", required = true, description = "Actor id, e.g. col-ndoumba")
    String actorId;

    @Option(names = "--role", required = true, description = "One of ${COMPLETION-CANDIDATES}")
    Role role;

    @Option(names = "--out", required = true, description = "The actor's own directory")
    Path out;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days")
    int days;

    @Override
    public Integer call() throws Exception {
      OrganisationCa ca = OrganisationCa.load(caDir);
      KeyPair pair = EcdsaP256.generateKeyPair();
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      var cert =
          ca.issueActorCertificate(
              actorId,
              role,
              pair.getPublic(),
              now.minus(1, ChronoUnit.HOURS),
              now.plus(days, ChronoUnit.DAYS));
      new ActorKey(cert, pair.getPrivate()).save(out);
      System.out.println(
          "actor "
              + actorId
              + " ("
              + role
              + ") written to "
              + out
              + " (serial "
              + cert.getSerialNumber().toString(16)
              + ")");
      return 0;
    }
  }
}
