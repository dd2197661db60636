package org.kpledger.api.command;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/commands}: one signed envelope in, the resulting event ids (or a problem+json
 * naming the field and the rule) out.
 */
@RestController
class CommandController {
  private final CommandService service;

  CommandController(CommandService service) {
    this.service = service;
  }

  @PostMapping(
      path = "/api/commands",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<String> submit(@RequestBody String body) {
    Submission s = service.submit(body);
    return ResponseEntity.status(s.status())
        .contentType(s.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
        .body(s.json());
  }
}
