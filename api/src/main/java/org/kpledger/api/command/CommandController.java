package org.kpledger.api.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.function.Supplier;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/commands}: one signed envelope in, the resulting event ids (or a problem+json
 * naming the field and the rule) out; {@code POST /api/commands/batch}: many, all or nothing.
 */
@RestController
class CommandController {
  private final CommandService service;
  private final CommandBatchService batches;
  private final CommandMeter meter;

  CommandController(CommandService service, CommandBatchService batches, CommandMeter meter) {
    this.service = service;
    this.batches = batches;
    this.meter = meter;
  }

  @Operation(
      summary = "Submit one signed command envelope",
      description =
          "Body: UTF-8 JSON (no byte order mark, no other charset). Payload members must have"
              + " exactly the JSON type the command declares (a string is never read as a number,"
              + " nor the reverse). Errors are problem+json with type, title, status, detail,"
              + " instance, rule and field; see the README's error model. OfferTransfer,"
              + " AcceptTransfer, ProposeShipment and ExportShipment take an optional fieldDate"
              + " (ISO date, Bangui): the day the act happened in the field, the record day when"
              + " absent, judged on by every rule of the act; see the README's field dates.")
  @ApiResponse(responseCode = "200", description = "the ids of the events it caused")
  @ApiResponse(responseCode = "400", description = "malformed envelope, payload or body (rule)")
  @ApiResponse(responseCode = "401", description = "signature or certificate does not hold")
  @ApiResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED")
  @ApiResponse(
      responseCode = "409",
      description = "COMMAND_ID_REUSED, ALREADY_EXISTS (an id the command creates is taken)")
  @ApiResponse(responseCode = "413", description = "BODY_TOO_LARGE")
  @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_CHARSET")
  @ApiResponse(
      responseCode = "422",
      description =
          "a custody rule refused it (rule); field names the payload member at fault"
              + " (payload.receiverLicence, payload.parcelIds[2], payload.fieldDate), or payload"
              + " when the rule blames the command as a whole")
  @ApiResponse(
      responseCode = "503",
      description =
          "RETRY (with Retry-After): the command met concurrent ones on the same items, on this"
              + " node or another sharing its database; send the same envelope again")
  @PostMapping(
      path = "/api/commands",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<String> submit(
      @RequestBody byte[] body,
      @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
    return answer(metered(() -> service.submit(Utf8Body.decode(body, type)), true));
  }

  /**
   * {@code POST /api/commands/batch}: {@code {"commands": [envelope, ...]}}, up to {@link
   * CommandBatchService#MAX_COMMANDS}, recorded all together in one transaction or not at all.
   */
  @Operation(
      summary = "Submit up to 500 signed envelopes, recorded all together or not at all",
      description =
          "Body: UTF-8 JSON (no byte order mark, no other charset). Payload members must have"
              + " exactly the JSON type the command declares (a string is never read as a number,"
              + " nor the reverse). Errors are problem+json with type, title, status, detail,"
              + " instance, rule and field; see the README's error model.")
  @ApiResponse(responseCode = "200", description = "each member's answer, in order")
  @ApiResponse(responseCode = "400", description = "malformed envelope, payload or body (rule)")
  @ApiResponse(responseCode = "401", description = "signature or certificate does not hold")
  @ApiResponse(responseCode = "403", description = "ROLE_NOT_ALLOWED")
  @ApiResponse(
      responseCode = "409",
      description =
          "COMMAND_ID_REUSED, ALREADY_EXISTS (an id the command creates is taken), COMMAND_ALREADY_RECORDED")
  @ApiResponse(responseCode = "413", description = "BODY_TOO_LARGE")
  @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_CHARSET")
  @ApiResponse(
      responseCode = "422",
      description =
          "a custody rule refused it (rule); field names the payload member at fault"
              + " (payload.receiverLicence, payload.parcelIds[2], payload.fieldDate), or payload"
              + " when the rule blames the command as a whole")
  @ApiResponse(
      responseCode = "503",
      description =
          "RETRY (with Retry-After): the command met concurrent ones on the same items, on this"
              + " node or another sharing its database; send the same envelope again")
  @PostMapping(
      path = "/api/commands/batch",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<String> submitBatch(
      @RequestBody byte[] body,
      @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
    return answer(metered(() -> batches.submit(Utf8Body.decode(body, type)), false));
  }

  /**
   * Counts the outcome in {@link CommandMeter}: a refusal under the command type and rule the
   * request path noted ({@link RequestFacts}); an accepted single command here, a batch's members
   * where the batch commits.
   */
  private Submission metered(Supplier<Submission> submission, boolean single) {
    try {
      Submission s = submission.get();
      if (RequestFacts.isReplayed()) {
        meter.replayed(RequestFacts.commandType());
      } else if (s.problem()) {
        meter.refused(RequestFacts.commandType(), RequestFacts.rule());
      } else if (single) {
        meter.accepted(RequestFacts.commandType());
      }
      return s;
    } catch (CommandRefusedException e) {
      meter.refused(RequestFacts.commandType(), e.rule());
      throw e;
    }
  }

  private static ResponseEntity<String> answer(Submission s) {
    return ResponseEntity.status(s.status())
        .contentType(s.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
        .body(s.json());
  }
}
