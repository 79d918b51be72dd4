package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Sweep;

/** Reads the {@code sweep} block: key path to a non-empty list of scalar values. */
public final class SweepReader {
  /** More points than anyone would run; guards against a product that overflows. */
  public static final int MAX_POINTS = 100_000;

  private SweepReader() {}

  public static Sweep read(Ctx ctx, JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Sweep.NONE;
    }
    if (!node.isObject()) {
      ctx.at(
          path,
          "sweep must be a mapping of key paths to lists of values, not " + Obj.describe(node));
      return Sweep.NONE;
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    long points = 1;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String keyPath = Paths.field(path, entry.getKey());
      JsonNode values = entry.getValue();
      if (!values.isArray() || values.isEmpty()) {
        ctx.at(keyPath, "a sweep key takes a non-empty list of values, e.g. [1500, 9000]");
        continue;
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        JsonNode value = values.get(i);
        if (!value.isValueNode() || value.isNull()) {
          ctx.at(
              Paths.index(keyPath, i),
              "a sweep value must be a scalar, not " + Obj.describe(value));
        } else {
          texts.add(Obj.scalarText(value));
        }
      }
      points *= values.size();
      if (points > MAX_POINTS) {
        ctx.at(keyPath, "the sweep has more than " + MAX_POINTS + " points");
        return Sweep.NONE;
      }
      parameters.put(entry.getKey(), texts);
    }
    return ctx.ok() ? new Sweep(parameters) : Sweep.NONE;
  }
}
