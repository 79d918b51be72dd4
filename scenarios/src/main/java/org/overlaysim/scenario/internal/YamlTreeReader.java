package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overlaysim.scenario.Problem;
import org.overlaysim.scenario.ScenarioException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a Jackson tree, remembering the line and column of every key and
 * value. Anchors, aliases and merge keys ({@code <<: *base}) are expanded here, under a budget of
 * nodes, so an alias bomb fails fast instead of exhausting memory.
 */
public final class YamlTreeReader {
  /** Far above any real scenario (150,000 containers listed one by one take about 10 MB). */
  public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

  public static final int MAX_NESTING = 64;

  /** Nodes after alias expansion; a billion-laughs document hits this within milliseconds. */
  public static final long MAX_NODES = 3_000_000L;

  public static final int MAX_ALIASES = 10_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final String file;
  private final Marks marks;
  private final Map<String, Anchor> anchors = new HashMap<>();
  private JsonParser parser;
  private long nodes;
  private int aliases;

  /** Jackson's message for a key given twice in one mapping. */
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

  /** The path of the innermost node being read: where a syntax problem is. */
  private String reading = "";

  private record Anchor(JsonNode node, long size) {}

  /** Thrown inside the reader to abandon a hopeless document; becomes one Problem. */
  private static final class Fatal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Mark mark;

    Fatal(Mark mark, String message) {
      super(message, null, false, false);
      this.mark = mark;
    }
  }

  private YamlTreeReader(String file) {
    this.file = file;
    this.marks = new Marks(file);
  }

  /** The parsed tree and where each node came from. */
  public record Result(JsonNode root, Marks marks) {}

  public static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING + 8)
                .maxStringLength(MAX_CODE_POINTS)
                .build())
        .build();
  }

  public static Result read(String file, String text) throws ScenarioException {
    return new YamlTreeReader(file).parse(text);
  }

  private Result parse(String text) throws ScenarioException {
    if (text.length() > MAX_CODE_POINTS) {
      throw single(
          new Mark(file, 1, 1),
          "the document has "
              + text.length()
              + " characters, above the limit of "
              + MAX_CODE_POINTS);
    }
    try (JsonParser p = factory().createParser(text)) {
      parser = p;
      if (p.nextToken() == null) {
        throw single(new Mark(file, 1, 1), "the file is empty; a scenario starts with 'name:'");
      }
      JsonNode root = value("", 0);
      if (p.nextToken() != null) {
        throw single(
            mark(p.currentTokenLocation()),
            "a second YAML document ('---'); a scenario file holds one document");
      }
      return new Result(root, marks);
    } catch (Fatal fatal) {
      throw single(fatal.mark, fatal.getMessage());
    } catch (JsonProcessingException e) {
      MarkedYAMLException snake = marked(e);
      if (snake != null && snake.getProblemMark() != null) {
        throw single(
            YamlSyntax.mark(file, snake.getProblemMark()),
            "YAML syntax: " + YamlSyntax.explain(snake));
      }
      JsonLocation location = e.getLocation();
      Mark at = location == null ? new Mark(file, 1, 1) : mark(location);
      String message = e.getOriginalMessage();
      Matcher duplicate = DUPLICATE.matcher(message);
      if (duplicate.lookingAt()) {
        reading = Paths.field(reading, duplicate.group(1));
        throw single(
            at,
            "duplicate key '"
                + duplicate.group(1)
                + "' (first at line "
                + marks.keyAt(reading).line()
                + "); a mapping holds each key once");
      }
      int newline = message.indexOf('\n');
      throw single(at, "YAML syntax: " + (newline < 0 ? message : message.substring(0, newline)));
    } catch (MarkedYAMLException e) {
      throw single(
          YamlSyntax.mark(file, e.getProblemMark()), "YAML syntax: " + YamlSyntax.explain(e));
    } catch (IOException | RuntimeException e) {
      throw single(new Mark(file, 1, 1), "YAML syntax: " + e.getMessage());
    }
  }

  /** SnakeYAML's own exception under Jackson's, which knows the problem apart from its context. */
  private static MarkedYAMLException marked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException snake) {
        return snake;
      }
    }
    return null;
  }

  /** A problem at {@code mark}, named by the innermost node being read when it was found. */
  private ScenarioException single(Mark mark, String message) {
    return new ScenarioException(
        List.of(new Problem(mark.file(), mark.line(), mark.column(), reading, message)));
  }

  private Mark mark(JsonLocation location) {
    return new Mark(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private void count(long added, Mark at) {
    nodes += added;
    if (nodes > MAX_NODES) {
      throw new Fatal(
          at,
          "the document expands to more than "
              + MAX_NODES
              + " nodes (an alias bomb?); refusing to read on");
    }
  }

  private JsonNode value(String path, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    Mark at = mark(parser.currentTokenLocation());
    marks.value(path, at);
    reading = path;
    if (depth > MAX_NESTING) {
      throw new Fatal(at, "nesting deeper than " + MAX_NESTING + " levels");
    }
    if (token == JsonToken.VALUE_STRING
        && parser instanceof YAMLParser yaml
        && yaml.isCurrentAlias()) {
      return alias(path, at);
    }
    Object anchorId = parser.getObjectId();
    long before = nodes;
    count(1, at);
    JsonNode node =
        switch (token) {
          case START_OBJECT -> object(path, depth, at);
          case START_ARRAY -> array(path, depth);
          case VALUE_STRING -> NODES.textNode(parser.getText());
          case VALUE_NUMBER_INT -> integer();
          case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          default -> throw new Fatal(at, "unexpected YAML token " + token);
        };
    if (anchorId instanceof String anchor) {
      anchors.put(anchor, new Anchor(node, nodes - before));
    }
    return node;
  }

  private JsonNode integer() throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private JsonNode alias(String path, Mark at) {
    String name = parser instanceof YAMLParser ? textOf() : "";
    Anchor anchor = anchors.get(name);
    if (anchor == null) {
      throw new Fatal(at, "alias *" + name + " names no anchor defined before it");
    }
    if (++aliases > MAX_ALIASES) {
      throw new Fatal(at, "more than " + MAX_ALIASES + " aliases; refusing to read on");
    }
    count(anchor.size(), at);
    // Nodes inside the copy have no marks of their own: problems there point at the alias.
    return anchor.node().deepCopy();
  }

  private String textOf() {
    try {
      return parser.getText();
    } catch (IOException e) {
      return "";
    }
  }

  private ObjectNode object(String path, int depth, Mark at) throws IOException {
    ObjectNode object = NODES.objectNode();
    ObjectNode merged = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Mark keyMark = mark(parser.currentTokenLocation());
      parser.nextToken();
      if (key.equals("<<")) {
        merged = mergeSource(path, depth, keyMark);
        reading = path;
        continue;
      }
      String child = Paths.field(path, key);
      if (object.has(key)) { // normally caught by Jackson's duplicate detection first
        throw new Fatal(keyMark, "duplicate key '" + key + "' in one mapping (path " + child + ")");
      }
      marks.key(child, keyMark);
      object.set(key, value(child, depth + 1));
      reading = path;
    }
    if (merged != null) {
      // YAML 1.1 merge keys: explicit keys win over merged ones.
      for (Map.Entry<String, JsonNode> entry : merged.properties()) {
        if (!object.has(entry.getKey())) {
          String child = Paths.field(path, entry.getKey());
          object.set(entry.getKey(), entry.getValue());
          marks.key(child, at);
        }
      }
    }
    return object;
  }

  private ObjectNode mergeSource(String path, int depth, Mark keyMark) throws IOException {
    JsonNode source = value(Paths.field(path, "<<"), depth + 1);
    ObjectNode merged = NODES.objectNode();
    if (source.isObject()) {
      merged.setAll((ObjectNode) source);
    } else if (source.isArray()) {
      // Earlier mappings in the list win, as the YAML merge key specification says.
      for (int i = source.size() - 1; i >= 0; i--) {
        if (!source.get(i).isObject()) {
          throw new Fatal(keyMark, "a merge key '<<' takes a mapping or a list of mappings");
        }
        merged.setAll((ObjectNode) source.get(i));
      }
    } else {
      throw new Fatal(keyMark, "a merge key '<<' takes a mapping or a list of mappings");
    }
    return merged;
  }

  private ArrayNode array(String path, int depth) throws IOException {
    ArrayNode array = NODES.arrayNode();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(Paths.index(path, index++), depth + 1));
      reading = path;
    }
    return array;
  }
}
