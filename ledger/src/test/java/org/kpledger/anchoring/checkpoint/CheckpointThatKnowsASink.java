package org.kpledger.anchoring.checkpoint;

import org.kpledger.anchoring.AnchorSink;

/**
 * What the checkpoint package must never hold: a class that uses the sink contract. Only {@code
 * PackageBoundariesTest} reads it, to show that its rule on the anchoring formats fails on it.
 */
public final class CheckpointThatKnowsASink {

  private CheckpointThatKnowsASink() {}

  /**
   * Names a sink, which a checkpoint has no business doing.
   *
   * @param sink any sink
   * @return its name
   */
  public static String sinkName(AnchorSink sink) {
    return sink.name();
  }
}
