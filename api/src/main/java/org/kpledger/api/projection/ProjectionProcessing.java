package org.kpledger.api.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.kpledger.anchoring.AnchoringProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Runs every projection in one tracking processor ({@code kp.projections.processor}, default
 * {@value #DEFAULT_PROCESSOR}): one event stream, one token and one transaction per batch for all
 * query tables, instead of one of each per projection. On H2 every commit writes a chunk of every
 * page it changed (0.5 to 0.9 ms of CPU per small transaction on the 2-core development VM), so
 * seven processors committing small batches cost more than the projections' own SQL. The anchoring
 * processor keeps its own processor and token: the Merkle log is evidence, not a read model, and is
 * never reset with them.
 */
@Configuration
class ProjectionProcessing {
  static final String DEFAULT_PROCESSOR = "projections";

  @Autowired
  void assignProjections(
      EventProcessingConfigurer processing,
      @Value("${kp.projections.processor:" + DEFAULT_PROCESSOR + "}") String processor) {
    processing.assignProcessingGroup(
        group -> AnchoringProcessor.PROCESSING_GROUP.equals(group) ? group : processor);
  }
}
