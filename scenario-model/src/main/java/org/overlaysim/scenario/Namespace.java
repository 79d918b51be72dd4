package org.overlaysim.scenario;

import java.util.Map;

/**
 * A Kubernetes namespace. As the API server does since 1.21, every namespace carries the label
 * {@code kubernetes.io/metadata.name=<name>}, so policies can select it by name.
 */
public record Namespace(String name, Map<String, String> labels) {
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";
  public static final String DEFAULT = "default";

  public Namespace {
    Checks.name(name, "namespace name");
    labels = Checks.sorted(labels);
  }
}
