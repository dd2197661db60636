package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.http.HttpStatus;

/**
 * The body of {@code POST /api/commands/batch}: {@code {"commands": [envelope, ...]}}. Each
 * envelope is cut out of the body exactly as sent, so the ledger keeps the bytes its signer
 * produced, as it does for a single command.
 */
final class BatchBody {
  private static final JsonFactory JSON = new JsonFactory();

  private BatchBody() {}

  /**
   * The envelopes of a batch body, each as its own JSON text.
   *
   * @throws CommandRefusedException 400 naming {@code commands} when the body is not an object with
   *     a {@code commands} array of 1 to {@code max} objects
   */
  static List<String> envelopes(String body, int max) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("the batch must be a JSON object with a \"commands\" array");
      }
      List<String> envelopes = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!"commands".equals(name)) {
          throw refused("BATCH_UNKNOWN_FIELD", name, "a batch has only a \"commands\" array");
        }
        if (envelopes != null) {
          throw refused("BATCH_DUPLICATE_FIELD", "commands", "\"commands\" appears twice");
        }
        if (value != JsonToken.START_ARRAY) {
          throw refused("BATCH_NOT_AN_ARRAY", "commands", "\"commands\" must be an array");
        }
        envelopes = array(p, body, max);
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw malformed("the batch is not one JSON object");
      }
      if (envelopes == null) {
        throw refused("BATCH_EMPTY", "commands", "a batch needs a \"commands\" array");
      }
      if (envelopes.isEmpty()) {
        throw refused("BATCH_EMPTY", "commands", "a batch needs at least one command");
      }
      return envelopes;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw malformed("the batch is not well-formed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw malformed("the batch is not readable JSON");
    }
  }

  private static List<String> array(JsonParser p, String body, int max) throws IOException {
    List<String> envelopes = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw refused(
            "BATCH_NOT_AN_ENVELOPE",
            "commands[" + envelopes.size() + "]",
            "every member of \"commands\" must be a signed envelope (a JSON object)");
      }
      if (envelopes.size() == max) {
        throw refused(
            "BATCH_TOO_LARGE", "commands", "a batch holds at most " + max + " commands; split it");
      }
      int start = (int) p.currentTokenLocation().getCharOffset();
      p.skipChildren();
      int end = (int) p.currentLocation().getCharOffset();
      envelopes.add(body.substring(start, end));
    }
    return envelopes;
  }

  private static CommandRefusedException malformed(String detail) {
    return new CommandRefusedException(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", null, detail);
  }

  private static CommandRefusedException refused(String rule, String field, String detail) {
    return new CommandRefusedException(HttpStatus.BAD_REQUEST, rule, field, detail);
  }
}
