package org.kpledger.api.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * GS1's EPCIS 2.0 JSON schema ({@code ${kp.testdata.dir}/epcis/EPCIS-JSON-Schema.json}, draft-07)
 * in a draft-07 validator, format assertions on. A missing vectors folder fails the test that asks
 * for it, saying where it looked.
 */
public final class EpcisSchema {
  private static Schema schema;

  /** The schema, loaded once; a loaded schema validates on any number of threads at once. */
  private static synchronized Schema schema() {
    if (schema == null) {
      try (InputStream in = Files.newInputStream(folder().resolve("EPCIS-JSON-Schema.json"))) {
        Schema loaded =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        // every $ref resolved now, not lazily on the first validating threads
        loaded.initializeValidators();
        schema = loaded;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  private EpcisSchema() {}

  /** The folder of the GS1 schema, context and examples. */
  public static Path folder() {
    String base = System.getProperty("kp.testdata.dir");
    assertThat(base)
        .as("system property kp.testdata.dir (set by Surefire to ../shared/testdata)")
        .isNotBlank();
    Path dir = Path.of(base, "epcis");
    assertThat(dir.resolve("EPCIS-JSON-Schema.json"))
        .as(
            "the EPCIS test vectors: GS1's EPCIS-JSON-Schema.json is expected in "
                + dir.toAbsolutePath()
                + " (see ../shared/testdata/epcis/README.md)")
        .isRegularFile();
    return dir;
  }

  /**
   * The validator's complaints about {@code document}, empty when it is valid; formats ({@code
   * uri}, {@code date-time}) are asserted, stricter than draft-07 requires.
   */
  public static List<String> errors(JsonNode document) {
    return errors(document, true);
  }

  /**
   * The same with formats as annotations only (draft-07's default): GS1's own examples name the
   * document {@code _:document1}, a JSON-LD blank node that is no RFC 3986 URI.
   */
  public static List<String> errors(JsonNode document, boolean assertFormats) {
    return schema()
        .validate(
            document, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(assertFormats)))
        .stream()
        .map(Error::toString)
        .toList();
  }

  /** Asserts the document is valid, listing every complaint otherwise. */
  public static void assertValid(String what, JsonNode document) {
    assertThat(errors(document)).as(what + " against GS1's EPCIS 2.0 JSON schema").isEmpty();
  }
}
