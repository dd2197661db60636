package org.kpledger.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp ca}: an organisation's certificate authority. */
@Command(
    name = "ca",
    description = "Organisation certificate authorities.",
    subcommands = {CaCommands.Init.class, CaCommands.Rollover.class},
    mixinStandardHelpOptions = true)
class CaCommands {

  /** {@code kp ca init}: creates an organisation CA in a directory. */
  @Command(
      name = "init",
      description = "Create an organisation CA (ECDSA P-256).",
      mixinStandardHelpOptions = true)
  static class Init implements Callable<Integer> {
    @Option(names = "--org", required = true, description = "Organisation id, e.g. BO-ALPHA")
    String organisationId;

    @Option(names = "--type", required = true, description = "One of ${COMPLETION-CANDIDATES}")
    OrganisationType type;

    @Option(names = "--name", required = true, description = "Display name")
    String name;

    @Option(
        names = "--dir",
        required = true,
        description = "Directory to hold the CA (key stays here)")
    Path dir;

    @Option(
        names = "--country",
        description =
            "ISO 3166-1 alpha-2 code of the participant (C= of the CA), e.g. CF or BE;"
                + " required for an IMPORTING_AUTHORITY, which confirms receipt only of"
                + " certificates whose importer is in this country")
    String country;

    @Option(names = "--years", defaultValue = "10", description = "Validity in years")
    int years;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (type == OrganisationType.IMPORTING_AUTHORITY && country == null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "an IMPORTING_AUTHORITY is bound to one country: give --country (ISO 3166-1"
                + " alpha-2, e.g. BE); the ledger refuses confirmations from an importing"
                + " authority whose CA names none (IMPORTING_AUTHORITY_WITHOUT_COUNTRY)");
      }
      if (java.nio.file.Files.exists(dir.resolve("ca-key.pem"))
          || java.nio.file.Files.exists(dir.resolve("ca-cert.pem"))) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            dir
                + " already holds a CA; kp ca init never replaces one (its actors would be"
                + " refused): use kp ca rollover --dir "
                + dir
                + " for a new key that keeps the old CA, or another --dir");
      }
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      OrganisationCa ca =
          OrganisationCa.create(
              organisationId,
              type,
              name,
              country,
              now.minus(1, ChronoUnit.DAYS),
              now.plus(365L * years, ChronoUnit.DAYS));
      ca.save(dir);
      System.out.println(
          "CA of "
              + organisationId
              + " written to "
              + dir
              + "; give its certificate (not its key) to the ledger operator's trust directory");
      return 0;
    }
  }

  /** {@code kp ca rollover}: a new key and certificate for the same organisation. */
  @Command(
      name = "rollover",
      description =
          "Roll an organisation CA over: a new P-256 key and self-signed certificate with the same"
              + " subject (organisation, type, country). The old ca-cert.pem and ca-key.pem are"
              + " kept as ca-cert-<n>.pem and ca-key-<n>.pem; enrol the new certificate in the"
              + " ledger's trust directory and keep the old one there, so that what the old CA's"
              + " actors signed still verifies.",
      mixinStandardHelpOptions = true)
  static class Rollover implements Callable<Integer> {
    @Option(
        names = "--dir",
        required = true,
        description = "Directory of the CA to roll over (written by kp ca init)")
    Path dir;

    @Option(names = "--years", defaultValue = "10", description = "Validity in years")
    int years;

    @Override
    public Integer call() {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      OrganisationCa ca =
          OrganisationCa.rollover(
              dir, now.minus(1, ChronoUnit.DAYS), now.plus(365L * years, ChronoUnit.DAYS));
      System.out.println(
          "new CA of "
              + ca.organisationId()
              + " written to "
              + dir.resolve("ca-cert.pem")
              + ", the old one kept beside it; copy the new certificate into the ledger's trust"
              + " directory and keep the old one there");
      return 0;
    }
  }
}
