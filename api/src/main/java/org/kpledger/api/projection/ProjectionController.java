package org.kpledger.api.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.custody.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The projections with their lag, and their rebuild for the KP authority and auditors. */
@RestController
@Tag(name = "projections")
class ProjectionController {
  private final Projections projections;
  private final ReadPolicy policy;

  ProjectionController(Projections projections, ReadPolicy policy) {
    this.projections = projections;
    this.policy = policy;
  }

  @GetMapping("/api/projections")
  @Operation(
      summary = "Every projection with its processor position and lag behind the store",
      description =
          "A signed read (KP-Certificate, KP-Date, KP-Signature) or a client certificate over"
              + " mutual TLS, by any enrolled reader; 401 MISSING_CREDENTIALS without.")
  List<ProjectionStatus> status(Actor reader) {
    return projections.status();
  }

  @PostMapping("/api/projections/{name}/replay")
  @Operation(
      summary =
          "Drop a projection's tables and rebuild them from the event store "
              + "(KP authority, auditors)")
  ProjectionStatus replay(Actor reader, @PathVariable String name) {
    policy.requireAdministrator(reader);
    projections.find(name);
    return projections.replay(name);
  }
}
