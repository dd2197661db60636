package org.kpledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code kp --version}: the project version. The executable jar carries the ledger library built in
 * the same reactor, with the same version, and Maven records it in that library's {@code
 * pom.properties}; run from classes (tests, an IDE) there is none and the answer says so.
 */
final class KpVersion implements IVersionProvider {
  static final String POM_PROPERTIES = "/META-INF/maven/org.kpledger/kp-ledger-core/pom.properties";

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {"kp " + version(KpVersion.class.getResourceAsStream(POM_PROPERTIES))};
  }

  static String version(InputStream pomProperties) throws IOException {
    if (pomProperties == null) {
      return "(development build: not run from the packaged jar)";
    }
    try (pomProperties) {
      Properties p = new Properties();
      p.load(pomProperties);
      return p.getProperty("version", "(no version in the jar's pom.properties)");
    }
  }
}
