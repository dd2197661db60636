package org.kpledger.anchoring;

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
