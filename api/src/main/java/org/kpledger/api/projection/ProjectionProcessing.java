package org.kpledger.api.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.kpledger.anchoring.publish.AnchoringProcessor;
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
 * never reset with them. Handlers' writes are held per batch and sent as JDBC batches when it
 * commits ({@link PendingWrites}).
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
    // A handler that fails fails its batch: the batch rolls back, token included, and the processor
    // retries it (its lag shows the stall). Axon's default logs the error and goes on to the next
    // event, which would leave a query table silently without that event, and on PostgreSQL a
    // failed statement aborts the batch's transaction anyway.
    processing.registerDefaultListenerInvocationErrorHandler(
        c -> PropagatingErrorHandler.instance());
  }
}
