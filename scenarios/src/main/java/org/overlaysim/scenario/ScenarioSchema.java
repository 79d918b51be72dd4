package org.overlaysim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.overlaysim.scenario.internal.Bounds;

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

  /**
   * The schema as JSON text: the resource's keys and shapes with every numeric bound written from
   * {@link Bounds}, the constants the loader checks, so the schema and the loader agree.
   */
  public static String json() {
    try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      ObjectMapper json = new ObjectMapper();
      JsonNode schema = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      for (Bounds bounds : Bounds.ALL) {
        for (String pointer : bounds.schema()) {
          bound(schema, pointer, bounds);
        }
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void bound(JsonNode schema, String pointer, Bounds bounds) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = schema.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1);
    JsonNode node = parent.isArray() ? parent.get(Integer.parseInt(key)) : parent.get(key);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalStateException("no schema node at " + pointer);
    }
    ObjectNode range = object;
    if (object.has("$ref")) { // a size: bound its number form, beside the reference
      range = JsonNodeFactory.instance.objectNode();
      ObjectNode both = JsonNodeFactory.instance.objectNode();
      both.putArray("allOf").add(object.deepCopy()).add(range);
      if (parent instanceof ObjectNode p) {
        p.set(key, both);
      } else {
        ((ArrayNode) parent).set(Integer.parseInt(key), both);
      }
    }
    range.put("minimum", bounds.min());
    range.put("maximum", bounds.max());
  }
}
