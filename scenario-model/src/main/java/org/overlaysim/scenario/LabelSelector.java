package org.overlaysim.scenario;

import java.util.List;
import java.util.Map;

/** A Kubernetes label selector; the empty selector matches everything. */
public record LabelSelector(
    Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {

  public static final LabelSelector ALL = new LabelSelector(Map.of(), List.of());

  public LabelSelector {
    matchLabels = Checks.sorted(matchLabels);
    matchExpressions = Checks.list(matchExpressions);
  }

  /** Every matchLabels pair and every expression must hold (they are ANDed). */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
      if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
        return false;
      }
    }
    for (LabelRequirement requirement : matchExpressions) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }
}
