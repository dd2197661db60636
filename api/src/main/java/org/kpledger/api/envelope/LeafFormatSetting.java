package org.kpledger.api.envelope;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code kp.leaf-format}: {@code v2} (the default) stores each command's envelope once and gives
 * its events the envelope's digest; {@code v1} keeps the whole envelope in every event's metadata,
 * as nodes did before, so the two can be measured against each other in one run ({@code kp bench
 * ingest --node-arg=--kp.leaf-format=v1}). Either way every stored event keeps the leaf format it
 * was written with.
 */
@Component
public class LeafFormatSetting {
  private final boolean envelopeOnce;

  LeafFormatSetting(@Value("${kp.leaf-format:v2}") String format) {
    this.envelopeOnce =
        switch (format) {
          case "v2" -> true;
          case "v1" -> false;
          default ->
              throw new IllegalArgumentException(
                  "kp.leaf-format is '"
                      + format
                      + "': v2 (the envelope stored once per command) or v1 (in every event)");
        };
  }

  /** Whether events carry the envelope's digest (v2) rather than the envelope (v1). */
  public boolean envelopeOnce() {
    return envelopeOnce;
  }
}
