package org.kpledger.api.refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.kpledger.identity.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The refused attempts: the Monitoring Team, the KP authority and auditors read all; any other
 * organisation its own (a collector its own attempts).
 */
@RestController
@Tag(name = "refused attempts")
class RefusedAttemptController {
  private final RefusedAttemptQueries attempts;
  private final ReadPolicy policy;

  RefusedAttemptController(RefusedAttemptQueries attempts, ReadPolicy policy) {
    this.attempts = attempts;
    this.policy = policy;
  }

  @GetMapping("/api/refused-attempts")
  @Operation(
      summary =
          "Validly signed commands a custody rule refused, newest first: who, when, which rule,"
              + " what was attempted (Monitoring Team, KP authority, auditors: all; others their"
              + " own)")
  Page<RefusedAttempt> list(
      Actor reader,
      @Parameter(description = "the signer's organisation id") @RequestParam(required = false)
          String organisation,
      @Parameter(description = "a command type, e.g. ProposeShipment")
          @RequestParam(required = false)
          String commandType,
      @Parameter(
              description =
                  "an id the signed command names as a value (shipment, parcel, lot,"
                      + " certificate...)")
          @RequestParam(required = false)
          String subject,
      @Parameter(description = "first day refused (ISO date, Bangui)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @Parameter(description = "last day refused (ISO date, Bangui)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    if (from != null && to != null && to.isBefore(from)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "to", "to (" + to + ") is before from (" + from + ")");
    }
    String org = organisation;
    String actor = null;
    if (!policy.seesEverything(reader)) {
      if (organisation != null && !organisation.equals(reader.organisationId())) {
        throw QueryRefusedException.notVisible(
            "organisation",
            reader.organisationId()
                + " may read its own refused attempts, not those of "
                + organisation);
      }
      org = reader.organisationId();
      actor = reader.role() == Role.COLLECTOR ? reader.actorId() : null;
    }
    return attempts.page(
        new RefusedAttemptQueries.Filter(
            org, actor, blankToNull(commandType), blankToNull(subject), from, to),
        r);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
