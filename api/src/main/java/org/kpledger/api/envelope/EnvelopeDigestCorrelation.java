package org.kpledger.api.envelope;

import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.kpledger.custody.LedgerMetaData;

/**
 * Gives every message a command causes the digest of the client's envelope ({@link
 * LedgerMetaData#ENVELOPE_SHA256}): computed from the envelope the client command carries, copied
 * from a command a handler sent on. The events then carry 64 hex digits instead of the whole
 * envelope (about 1.3 KB, most of it the signer's certificate) and become leaves of format {@code
 * kp-ledger/leaf/v2}.
 */
public final class EnvelopeDigestCorrelation implements CorrelationDataProvider {
  /** The last envelope hashed and its digest: a command's events ask for it one after another. */
  private volatile String[] last = {"", LedgerMetaData.envelopeSha256("")};

  @Override
  public Map<String, ?> correlationDataFor(Message<?> message) {
    Object envelope = message.getMetaData().get(LedgerMetaData.ENVELOPE);
    if (envelope != null) {
      return Map.of(LedgerMetaData.ENVELOPE_SHA256, digest(envelope.toString()));
    }
    Object digest = message.getMetaData().get(LedgerMetaData.ENVELOPE_SHA256);
    return digest == null ? Map.of() : Map.of(LedgerMetaData.ENVELOPE_SHA256, digest);
  }

  private String digest(String envelope) {
    String[] seen = last;
    if (seen[0].equals(envelope)) {
      return seen[1];
    }
    String digest = LedgerMetaData.envelopeSha256(envelope);
    last = new String[] {envelope, digest};
    return digest;
  }
}
