package org.kpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.kpledger.identity.TrustAnchors;

/**
 * One signed {@code RecordPurchase} envelope exactly as the ingest benchmark's clients send it (a
 * collector of {@link BenchWorld}, the payload of {@link Workload}), and the organisation CAs its
 * signer chains to, read from PEM files as the node reads its trust directory. The inputs of the
 * micro-benchmarks in {@code org.kpledger.bench.micro}.
 *
 * @param envelopeJson the envelope as sent over HTTP (RFC 8785 text)
 * @param trustAnchors the benchmark country's CAs
 * @param zoneId the zone of the purchase's site, as the ledger derives it
 */
public record PurchaseSample(String envelopeJson, TrustAnchors trustAnchors, String zoneId) {

  /** Builds a fresh benchmark country (new keys) and signs its first purchase slip. */
  public static PurchaseSample create() throws IOException {
    Path trust = Files.createTempDirectory("kp-bench-micro-trust");
    try {
      BenchWorld world = new BenchWorld(300, 1000);
      world.enrol(trust, 1);
      Workload.Step purchase = Workload.rounds(world, "micro", 0, 1, 42L).get(0);
      if (!purchase.type().equals("RecordPurchase")) {
        throw new IllegalStateException("the workload no longer starts with a purchase slip");
      }
      String siteId = purchase.payload().get("siteId").textValue();
      int site = Integer.parseInt(siteId.substring(siteId.indexOf('-') + 1));
      return new PurchaseSample(
          purchase.actor().sign(purchase.type(), purchase.payload()),
          TrustAnchors.loadDirectory(trust),
          BenchWorld.ZONES[site % BenchWorld.ZONES.length]);
    } finally {
      try (Stream<Path> files = Files.list(trust)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(trust);
    }
  }
}
