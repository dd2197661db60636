package org.kpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import org.kpledger.custody.Actor;
import org.kpledger.signing.EnvelopeSigner;

/** A benchmark actor: its certificate and key, and the identity the node derives from them. */
record BenchActor(Actor actor, X509Certificate certificate, PrivateKey key) {
  String sign(String type, JsonNode payload) {
    return EnvelopeSigner.sign(
            type, UUID.randomUUID().toString(), Instant.now(), payload, certificate, key)
        .toJson();
  }
}
