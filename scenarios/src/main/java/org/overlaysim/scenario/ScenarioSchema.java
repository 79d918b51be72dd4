package org.overlaysim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft-07) of the scenario format, for editors: the YAML language server (VS
 * Code, IntelliJ) completes and checks keys when a scenario starts with {@code #
 * yaml-language-server: $schema=<path or URL of the schema>}. The loader checks more than the
 * schema can (references, addresses, overlaps); the schema checks keys and shapes.
 */
public final class ScenarioSchema {
  /** Classpath location of the schema. */
  public static final String RESOURCE = "/org/overlaysim/scenario/scenario.schema.json";

  private ScenarioSchema() {}

  /** The schema as JSON text. */
  public static String json() {
    try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
