package org.kpledger.anchoring.publish;

import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchorSinkContractTest;

/** The test double used by the publisher tests keeps the sink contract too. */
class InMemoryAnchorSinkTest extends AnchorSinkContractTest {

  @Override
  protected AnchorSink newSink() {
    return new InMemoryAnchorSink();
  }

  @Override
  protected AnchorSink reopen(AnchorSink sink) {
    return sink;
  }
}
