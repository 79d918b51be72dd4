package org.overlaysim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One {@code matchExpressions} entry of a Kubernetes label selector. */
public record LabelRequirement(String key, Operator operator, List<String> values) {

  /** The operators of metav1.LabelSelectorRequirement. */
  public enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist
  }

  public LabelRequirement {
    Checks.name(key, "key");
    Objects.requireNonNull(operator, "operator");
    values = Checks.list(values);
    boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
    if (needsValues == values.isEmpty()) {
      throw new IllegalArgumentException(
          operator + (needsValues ? " needs values" : " takes no values"));
    }
  }

  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case In -> value != null && values.contains(value);
      case NotIn -> value == null || !values.contains(value);
      case Exists -> value != null;
      case DoesNotExist -> value == null;
    };
  }
}
