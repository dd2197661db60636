package org.kpledger.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ingest mix of one client: per round, three purchase slips by its collector, two custody
 * transfers to the buying office (offer and accept each), and one merge of the two transferred
 * lots: 3 purchases, 4 transfer commands, 1 merge.
 */
final class Workload {
  /** One command to submit. */
  record Step(BenchActor actor, String type, ObjectNode payload) {}

  private Workload() {}

  static List<Step> rounds(BenchWorld world, String run, int thread, int rounds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BenchActor collector = world.collectors.get(thread);
    BenchActor buyer = world.buyers.get(thread);
    String at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    List<Step> steps = new ArrayList<>(rounds * 8);
    for (int r = 0; r < rounds; r++) {
      String base = run + "-" + thread + "-" + r;
      BigDecimal[] carats = new BigDecimal[3];
      for (int k = 0; k < 3; k++) {
        carats[k] = BigDecimal.valueOf(100 + random.nextInt(400), 2);
        int miner = random.nextInt(world.miners);
        steps.add(
            new Step(
                collector,
                "RecordPurchase",
                BenchWorld.obj(
                    "lotId",
                    base + "-" + k,
                    "slipNumber",
                    "SL-" + base + "-" + k,
                    "minerId",
                    BenchWorld.miner(miner),
                    "siteId",
                    BenchWorld.site(world.siteOf(miner)),
                    "carats",
                    num(carats[k]),
                    "stoneCount",
                    1 + random.nextInt(9),
                    "priceUsd",
                    num(carats[k].multiply(BigDecimal.TEN)),
                    "buyerLicence",
                    "AGR-B" + thread,
                    "occurredAt",
                    at)));
      }
      for (int k = 0; k < 2; k++) {
        String lot = base + "-" + k;
        steps.add(
            new Step(
                collector,
                "OfferTransfer",
                BenchWorld.obj(
                    "parcelId",
                    lot,
                    "transferId",
                    "TR-" + lot,
                    "toParty",
                    "BO-BENCH",
                    "sealId",
                    "BAG-" + lot)));
        steps.add(
            new Step(
                buyer,
                "AcceptTransfer",
                BenchWorld.obj(
                    "parcelId", lot, "transferId", "TR-" + lot, "receiverLicence", "EXP-BENCH")));
      }
      ArrayNode sources = BenchWorld.F.arrayNode().add(base + "-0").add(base + "-1");
      steps.add(
          new Step(
              buyer,
              "MergeParcels",
              BenchWorld.obj(
                  "parcelId",
                  "P-" + base,
                  "sourceParcelIds",
                  sources,
                  "carats",
                  num(carats[0].add(carats[1])))));
    }
    return steps;
  }

  private static com.fasterxml.jackson.databind.JsonNode num(BigDecimal value) {
    return BenchWorld.F.numberNode(value);
  }
}
