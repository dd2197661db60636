package org.kpledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger node: HTTP api over the signed custody core, on H2 by default. */
@SpringBootApplication(scanBasePackages = "org.kpledger")
public class LedgerApplication {
  public static void main(String[] args) {
    SpringApplication.run(LedgerApplication.class, args);
  }
}
