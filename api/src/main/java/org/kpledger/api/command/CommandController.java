package org.kpledger.api.command;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/commands}: one signed envelope in, the resulting event ids (or a problem+json
 * naming the field and the rule) out; {@code POST /api/commands/batch}: many, all or nothing.
 */
@RestController
class CommandController {
  private final CommandService service;
  private final CommandBatchService batches;

  CommandController(CommandService service, CommandBatchService batches) {
    this.service = service;
    this.batches = batches;
  }

  @PostMapping(
      path = "/api/commands",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<String> submit(@RequestBody String body) {
    return answer(service.submit(body));
  }

  /**
   * {@code POST /api/commands/batch}: {@code {"commands": [envelope, ...]}}, up to {@link
   * CommandBatchService#MAX_COMMANDS}, recorded all together in one transaction or not at all.
   */
  @PostMapping(
      path = "/api/commands/batch",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<String> submitBatch(@RequestBody String body) {
    return answer(batches.submit(body));
  }

  private static ResponseEntity<String> answer(Submission s) {
    return ResponseEntity.status(s.status())
        .contentType(s.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
        .body(s.json());
  }
}
