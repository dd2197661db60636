package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every projection runs in a tracking processor of its own with batches of more than one event
 * (ARCHITECTURE.md: batch size 1 is several times slower to catch up), its token in the ledger's
 * database.
 */
class ProjectionConfigurationTest extends LedgerTestBase {
  @Autowired EventProcessingConfiguration processing;
  @Autowired Environment environment;

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
  void projectionHasATrackingProcessorWithBatches(String name) {
    assertThat(processing.eventProcessor(name, TrackingEventProcessor.class)).isPresent();
    assertThat(
            environment.getProperty(
                "axon.eventhandling.processors." + name + ".batch-size", Integer.class))
        .isEqualTo(100);
    assertThat(processing.tokenStore(name).getClass().getSimpleName()).isEqualTo("JpaTokenStore");
  }
}
