package org.kpledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The ledger node: the HTTP api over the signed custody core, on H2 by default. */
@SpringBootApplication(scanBasePackages = "org.kpledger")
public class LedgerApplication {

  /** Starts the node; see {@code kp serve}. */
  public static void main(String[] args) {
    start(args);
  }

  /** Starts the node and returns its context. */
  public static ConfigurableApplicationContext start(String... args) {
    // The Axon update checker calls out to the vendor; a ledger node on a closed network must not.
    System.setProperty("axoniq.update-checker.disabled", "true");
    return SpringApplication.run(LedgerApplication.class, args);
  }
}
