package org.kpledger.cli;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.kpledger.identity.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kp actor export-p12}: the actor's key and certificate, with its organisation CA's
 * certificate as the chain, in one password-protected PKCS#12 file a browser imports, so the web
 * console can be reached over mutual TLS with the actor's certificate. The password comes from a
 * file, an environment variable or the terminal, never from the command line (which others on the
 * machine can read) and is never printed.
 */
@Command(
    name = "export-p12",
    description =
        "Write an actor's key and certificate (with its organisation CA's certificate) to a"
            + " password-protected PKCS#12 file for a browser's client-certificate store.",
    mixinStandardHelpOptions = true)
class ActorP12Export implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--actor",
      required = true,
      description = "The actor's own directory (key.pem, cert.pem), as kp actor issue wrote it")
  Path actorDir;

  @Option(
      names = "--ca-cert",
      required = true,
      description = "The organisation CA's certificate that issued the actor's (ca-cert.pem)")
  Path caCert;

  @Option(names = "--out", required = true, description = "The PKCS#12 file to write (.p12)")
  Path out;

  @Option(
      names = "--password-file",
      description = "A file whose first line is the password (else --password-env or a prompt)")
  Path passwordFile;

  @Option(
      names = "--password-env",
      description = "The name of an environment variable holding the password")
  String passwordEnv;

  @Override
  public Integer call() throws Exception {
    ActorKey actor = ActorKey.load(actorDir);
    X509Certificate ca = caCertificate();
    char[] password = password();
    try {
      write(actor, ca, password);
    } finally {
      Arrays.fill(password, '\0');
    }
    spec.commandLine()
        .getOut()
        .println(
            "PKCS#12 of "
                + actorDir.getFileName()
                + " (certificate serial "
                + actor.certificate().getSerialNumber().toString(16)
                + ", chain to "
                + ca.getSubjectX500Principal().getName()
                + ") written to "
                + out);
    return 0;
  }

  private X509Certificate caCertificate() throws IOException {
    List<X509Certificate> certs = Pem.readCertificates(Files.readString(caCert));
    if (certs.isEmpty()) {
      throw mistake(caCert + " holds no certificate");
    }
    return certs.get(0);
  }

  private void write(ActorKey actor, X509Certificate ca, char[] password)
      throws IOException, GeneralSecurityException {
    try {
      actor.certificate().verify(ca.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw mistake(
          "the actor's certificate in "
              + actorDir
              + " was not issued by the CA of "
              + caCert
              + ": give the certificate of the organisation CA that issued it");
    }
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(null, null);
    p12.setKeyEntry(
        actorDir.getFileName().toString(),
        actor.key(),
        password,
        new X509Certificate[] {actor.certificate(), ca});
    Files.deleteIfExists(out);
    try {
      Files.createFile(
          out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(out);
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      p12.store(o, password);
    }
  }

  private char[] password() throws IOException {
    char[] password;
    if (passwordFile != null) {
      password = Files.readAllLines(passwordFile).stream().findFirst().orElse("").toCharArray();
    } else if (passwordEnv != null) {
      String value = System.getenv(passwordEnv);
      if (value == null) {
        throw mistake("the environment variable " + passwordEnv + " is not set");
      }
      password = value.toCharArray();
    } else {
      Console console = System.console();
      if (console == null) {
        throw mistake(
            "no terminal to ask for the password: give --password-file or --password-env");
      }
      password = console.readPassword("Password for %s: ", out);
      char[] again = console.readPassword("The same password again: ");
      if (password == null || !Arrays.equals(password, again)) {
        throw mistake("the two passwords differ");
      }
    }
    if (password.length == 0) {
      throw mistake("the PKCS#12 password is empty: a browser import needs one");
    }
    return password;
  }

  private ParameterException mistake(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
