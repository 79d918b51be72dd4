package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.Units;

/**
 * Typed, checked access to one YAML mapping. Unknown and missing keys are reported when it is made;
 * each getter reports a wrong value and returns null (or the default), so binding goes on and every
 * problem of the file is found in one pass.
 */
public final class Obj {
  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final Ctx ctx;
  private final JsonNode node;
  private final String path;

  private Obj(Ctx ctx, JsonNode node, String path) {
    this.ctx = ctx;
    this.node = node;
    this.path = path;
  }

  /**
   * Checks that {@code node} is a mapping with every required key and no other key than the
   * required and optional ones. Returns null (after reporting) when it is not a mapping.
   */
  public static Obj of(
      Ctx ctx,
      JsonNode node,
      String path,
      String what,
      List<String> required,
      List<String> optional) {
    if (node == null || node.isNull()) {
      ctx.at(path, what + " is empty; expected a mapping with " + String.join(", ", required));
      return null;
    }
    if (!node.isObject()) {
      ctx.at(path, what + " must be a mapping (key: value), not " + describe(node));
      return null;
    }
    List<String> allowed = new ArrayList<>(required);
    allowed.addAll(optional);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (!allowed.contains(key)) {
        ctx.atKey(
            Paths.field(path, key),
            "unknown key '" + key + "' in " + what + Suggest.didYouMean(key, allowed));
      }
    }
    for (String key : required) {
      JsonNode value = node.get(key);
      if (value == null) {
        ctx.at(path, "missing key '" + key + "' in " + what);
      } else if (value.isNull()) {
        ctx.at(Paths.field(path, key), "'" + key + "' has no value");
      }
    }
    return new Obj(ctx, node, path);
  }

  public static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "text '" + node.asText() + "'";
    } else if (node.isNumber()) {
      return "the number " + node.asText();
    } else if (node.isBoolean()) {
      return node.asText();
    } else if (node.isArray()) {
      return "a list";
    } else if (node.isObject()) {
      return "a mapping";
    }
    return "nothing (null)";
  }

  /** The text of a scalar; numbers and booleans as written. */
  public static String scalarText(JsonNode node) {
    if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
      return node.decimalValue().toPlainString();
    }
    return node.asText();
  }

  public Ctx ctx() {
    return ctx;
  }

  public String path() {
    return path;
  }

  public String path(String key) {
    return Paths.field(path, key);
  }

  public JsonNode node() {
    return node;
  }

  public boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** The member, or null when absent or null. */
  public JsonNode get(String key) {
    return has(key) ? node.get(key) : null;
  }

  public String text(String key) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode()) {
      ctx.at(path(key), "must be text, not " + describe(value));
      return null;
    }
    String text = scalarText(value);
    if (text.isEmpty()) {
      ctx.at(path(key), "must not be empty");
      return null;
    }
    return text;
  }

  public String text(String key, String fallback) {
    String text = text(key);
    return text == null ? fallback : text;
  }

  /** A name: text without surrounding spaces or control characters. */
  public String name(String key) {
    String text = text(key);
    if (text != null
        && (!text.strip().equals(text) || text.chars().anyMatch(Character::isISOControl))) {
      ctx.at(path(key), "name '" + text + "' has surrounding spaces or control characters");
      return null;
    }
    return text;
  }

  public Long integer(String key, long min, long max) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      ctx.at(path(key), "must be a whole number, not " + describe(value));
      return null;
    }
    if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
      ctx.at(path(key), value.asText() + " is outside " + min + ".." + max);
      return null;
    }
    return value.asLong();
  }

  public long integer(String key, long min, long max, long fallback) {
    Long value = integer(key, min, max);
    return value == null ? fallback : value;
  }

  public Double number(String key, double min, double max) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      ctx.at(path(key), "must be a number, not " + describe(value));
      return null;
    }
    double number = value.asDouble();
    if (!(number >= min && number <= max)) {
      ctx.at(path(key), value.asText() + " is outside " + min + ".." + max);
      return null;
    }
    return number;
  }

  public Boolean bool(String key) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      ctx.at(path(key), "must be true or false, not " + describe(value));
      return null;
    }
    return value.asBoolean();
  }

  public boolean bool(String key, boolean fallback) {
    Boolean value = bool(key);
    return value == null ? fallback : value;
  }

  private Long unit(String key, ToLongFunction<String> parse, boolean numberIsBytes) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    if (numberIsBytes && value.isIntegralNumber()) {
      return value.asLong();
    }
    if (!value.isValueNode()) {
      ctx.at(path(key), "must be a quantity with its unit, not " + describe(value));
      return null;
    }
    try {
      return parse.applyAsLong(scalarText(value));
    } catch (IllegalArgumentException e) {
      ctx.at(path(key), e.getMessage());
      return null;
    }
  }

  public Long duration(String key) {
    return unit(key, Units::parseDuration, false);
  }

  public long duration(String key, long fallback) {
    Long value = duration(key);
    return value == null ? fallback : value;
  }

  /** A rate that must be above zero. */
  public Long rate(String key) {
    Long value = unit(key, Units::parseRate, false);
    if (value != null && value <= 0) {
      ctx.at(path(key), "a rate must be above zero");
      return null;
    }
    return value;
  }

  public long rate(String key, long fallback) {
    Long value = rate(key);
    return value == null ? fallback : value;
  }

  public Long size(String key) {
    Long value = unit(key, Units::parseSize, true);
    if (value != null && value < 0) {
      ctx.at(path(key), "a size must not be negative");
      return null;
    }
    return value;
  }

  public long size(String key, long fallback) {
    Long value = size(key);
    return value == null ? fallback : value;
  }

  public Long speed(String key) {
    Long value = unit(key, Units::parseSpeed, false);
    if (value != null && value <= 0) {
      ctx.at(path(key), "a speed must be above zero");
      return null;
    }
    return value;
  }

  public Double fraction(String key) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    if (!value.isNumber() && !value.isTextual()) {
      ctx.at(path(key), "must be a number 0..1, not " + describe(value));
      return null;
    }
    try {
      double fraction = Units.parseFraction(scalarText(value));
      if (!(fraction >= 0 && fraction <= 1)) {
        ctx.at(path(key), scalarText(value) + " is outside [0,1]");
        return null;
      }
      return fraction;
    } catch (IllegalArgumentException e) {
      ctx.at(path(key), e.getMessage());
      return null;
    }
  }

  public Ipv4 ipv4(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return Ipv4.parse(text);
    } catch (IllegalArgumentException e) {
      ctx.at(path(key), e.getMessage());
      return null;
    }
  }

  public Cidr cidr(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      ctx.at(path(key), e.getMessage());
      return null;
    }
  }

  /** One of fixed words, e.g. vxlan|geneve; did-you-mean on a typo. */
  public <E> E choice(String key, Map<String, E> options, E fallback) {
    JsonNode value = get(key);
    if (value == null) {
      return fallback;
    }
    String text = value.isValueNode() ? scalarText(value) : null;
    E chosen = text == null ? null : options.get(text);
    if (chosen == null) {
      String shown = text == null ? describe(value) : "'" + text + "'";
      ctx.at(
          path(key),
          shown
              + " is not one of "
              + String.join(", ", options.keySet())
              + (text == null ? "" : Suggest.didYouMean(text, options.keySet())));
      return fallback;
    }
    return chosen;
  }

  /** The elements of a list member; empty when absent, reported when not a list. */
  public List<JsonNode> list(String key) {
    JsonNode value = get(key);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      ctx.at(path(key), "must be a list, not " + describe(value));
      return List.of();
    }
    List<JsonNode> elements = new ArrayList<>(value.size());
    value.forEach(elements::add);
    return elements;
  }

  /** A nested mapping member, checked; null when absent or not a mapping. */
  public Obj child(String key, String what, List<String> required, List<String> optional) {
    JsonNode value = get(key);
    if (value == null) {
      return null;
    }
    return of(ctx, value, path(key), what, required, optional);
  }

  /** Kubernetes labels: keys {@code [prefix/]name}, values up to 63 characters. */
  public Map<String, String> labels(String key) {
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode value = get(key);
    if (value == null) {
      return labels;
    }
    if (!value.isObject()) {
      ctx.at(path(key), "labels must be a mapping (key: value), not " + describe(value));
      return labels;
    }
    for (Map.Entry<String, JsonNode> label : value.properties()) {
      String labelPath = Paths.field(path(key), label.getKey());
      String problem = labelKeyProblem(label.getKey());
      if (problem != null) {
        ctx.atKey(labelPath, problem);
        continue;
      }
      if (!label.getValue().isValueNode() || label.getValue().isNull()) {
        ctx.at(labelPath, "a label value must be text, not " + describe(label.getValue()));
        continue;
      }
      String text = scalarText(label.getValue());
      if (text.length() > 63 || !LABEL_NAME.matcher(text).matches()) {
        ctx.at(
            labelPath,
            "label value '"
                + text
                + "' must be at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends");
        continue;
      }
      labels.put(label.getKey(), text);
    }
    return labels;
  }

  /** Null when {@code key} is a valid Kubernetes label key, else why not. */
  public static String labelKeyProblem(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "label key prefix '" + prefix + "' must be a DNS subdomain (e.g. example.com)";
      }
    }
    if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
      return "label key '"
          + key
          + "' must be at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends";
    }
    return null;
  }
}
