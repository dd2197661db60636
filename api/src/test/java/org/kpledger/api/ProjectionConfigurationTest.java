package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kpledger.anchoring.publish.AnchoringProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Every projection runs in the one tracking processor {@code projections}, with batches of more
 * than one event (ARCHITECTURE.md: batch size 1 is several times slower to catch up) and its token
 * in the ledger's database; the anchoring processor keeps a processor and token of its own.
 */
class ProjectionConfigurationTest extends LedgerTestBase {
  @Autowired EventProcessingConfiguration processing;
  @Autowired Environment environment;
  @Autowired ApplicationContext context;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registry",
        "lineage",
        "custody",
        "shipments",
        "certificates",
        "zones",
        "statistics"
      })
  void projectionRunsInTheSharedTrackingProcessor(String name) {
    assertThat(processing.eventProcessorByProcessingGroup(name, TrackingEventProcessor.class))
        .hasValueSatisfying(p -> assertThat(p.getName()).isEqualTo("projections"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"projections", AnchoringProcessor.PROCESSING_GROUP})
  void processorsTrackInBatchesWithTokensInTheDatabase(String processor) {
    assertThat(processing.eventProcessor(processor, TrackingEventProcessor.class)).isPresent();
    assertThat(
            environment.getProperty(
                "axon.eventhandling.processors." + processor + ".batch-size", Integer.class))
        .isEqualTo(100);
    assertThat(processing.tokenStore(processor).getClass().getSimpleName())
        .isEqualTo("JpaTokenStore");
  }

  @ParameterizedTest
  @ValueSource(strings = {"projections", AnchoringProcessor.PROCESSING_GROUP})
  void processorsReadTheStoreThroughTheLingeringSource(String processor) {
    String source =
        environment.getProperty("axon.eventhandling.processors." + processor + ".source");
    assertThat(source).isEqualTo("lingeringEvents");
    assertThat(context.getBean(source).getClass().getSimpleName())
        .isEqualTo("LingeringEventSource");
  }

  @Test
  void anchoringIsNotSharedWithTheProjections() {
    assertThat(
            processing.eventProcessorByProcessingGroup(
                AnchoringProcessor.PROCESSING_GROUP, EventProcessor.class))
        .hasValueSatisfying(p -> assertThat(p.getName()).isEqualTo("anchoring"));
    assertThat(processing.eventProcessors().keySet())
        .containsExactlyInAnyOrder("projections", AnchoringProcessor.PROCESSING_GROUP, "trust");
  }

  @Test
  void trustIsUpdatedInTheCommittingThreadNotByATrackingProcessor() {
    assertThat(processing.eventProcessor("trust", SubscribingEventProcessor.class)).isPresent();
  }
}
