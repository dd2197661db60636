package org.kpledger.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.kpledger.signing.EnvelopeSigner;

/**
 * A generated actor's certificate and key, kept in the generator's state so a resume signs alike.
 */
record Signer(String actorId, X509Certificate certificate, PrivateKey key) {
  /** Signs a command now under the plan's command id. */
  String sign(String commandType, String commandId, JsonNode payload) {
    return EnvelopeSigner.sign(commandType, commandId, Instant.now(), payload, certificate, key)
        .toJson();
  }
}
