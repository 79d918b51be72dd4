package org.overlaysim.overlay.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.LabelSelector;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Scenario;

/**
 * Containers grouped into pod classes: a class is a distinct (namespace, labels) pair. Selectors
 * see nothing else of a pod, so every selector is evaluated once per class instead of once per
 * container, and containers stamped out by one {@code count} entry (thousands of identical pods)
 * share a class. An inverted index (label key=value to classes) lets a selector with matchLabels
 * visit only the classes carrying its rarest label.
 */
final class PodClasses {
  private final List<String> namespaceNames = new ArrayList<>();
  private final Map<String, Integer> namespaceIndex = new HashMap<>();
  private final List<Map<String, String>> namespaceLabels = new ArrayList<>();
  private final List<Integer> classNamespace = new ArrayList<>();
  private final List<Map<String, String>> classLabels = new ArrayList<>();
  private final List<List<Integer>> classesByNamespace = new ArrayList<>();
  private final Map<String, List<Integer>> postings = new HashMap<>();
  private final int[] classOfContainer;

  private record ClassKey(int namespace, Map<String, String> labels) {}

  PodClasses(Scenario scenario) {
    for (Namespace namespace : scenario.namespaces()) {
      Map<String, String> labels = new LinkedHashMap<>(namespace.labels());
      labels.putIfAbsent(Namespace.NAME_LABEL, namespace.name());
      addNamespace(namespace.name(), labels);
    }
    // A namespace used but not declared exists with only the label the API server sets.
    for (Container container : scenario.containers()) {
      namespaceOrImplicit(container.namespace());
    }
    for (NetworkPolicy policy : scenario.policies()) {
      namespaceOrImplicit(policy.namespace());
    }
    Map<ClassKey, Integer> classes = new HashMap<>();
    classOfContainer = new int[scenario.containers().size()];
    for (int i = 0; i < classOfContainer.length; i++) {
      Container container = scenario.containers().get(i);
      int namespace = namespaceIndex.get(container.namespace());
      ClassKey key = new ClassKey(namespace, container.labels());
      Integer known = classes.get(key);
      if (known == null) {
        known = classLabels.size();
        classes.put(key, known);
        classNamespace.add(namespace);
        classLabels.add(container.labels());
        classesByNamespace.get(namespace).add(known);
        for (Map.Entry<String, String> label : container.labels().entrySet()) {
          postings
              .computeIfAbsent(posting(label.getKey(), label.getValue()), k -> new ArrayList<>())
              .add(known);
        }
      }
      classOfContainer[i] = known;
    }
  }

  private static String posting(String key, String value) {
    return key + '\u0000' + value;
  }

  private void addNamespace(String name, Map<String, String> labels) {
    namespaceIndex.put(name, namespaceNames.size());
    namespaceNames.add(name);
    namespaceLabels.add(labels);
    classesByNamespace.add(new ArrayList<>());
  }

  private void namespaceOrImplicit(String name) {
    if (!namespaceIndex.containsKey(name)) {
      addNamespace(name, Map.of(Namespace.NAME_LABEL, name));
    }
  }

  int classOf(int container) {
    return classOfContainer[container];
  }

  int classCount() {
    return classLabels.size();
  }

  int namespaceCount() {
    return namespaceNames.size();
  }

  int namespace(String name) {
    return namespaceIndex.get(name);
  }

  /** The namespaces whose labels a namespaceSelector matches ({@code {}} matches all). */
  boolean[] namespacesMatching(LabelSelector selector) {
    boolean[] matching = new boolean[namespaceNames.size()];
    for (int n = 0; n < matching.length; n++) {
      matching[n] = selector.matches(namespaceLabels.get(n));
    }
    return matching;
  }

  /** The classes, ascending, in the given namespaces whose pod labels the selector matches. */
  int[] select(LabelSelector pods, boolean[] namespaces) {
    List<Integer> candidates = rarestPosting(pods);
    List<Integer> chosen = new ArrayList<>();
    if (candidates != null) {
      for (int podClass : candidates) {
        if (namespaces[classNamespace.get(podClass)] && pods.matches(classLabels.get(podClass))) {
          chosen.add(podClass);
        }
      }
    } else {
      for (int n = 0; n < namespaces.length; n++) {
        if (!namespaces[n]) {
          continue;
        }
        for (int podClass : classesByNamespace.get(n)) {
          if (pods.matches(classLabels.get(podClass))) {
            chosen.add(podClass);
          }
        }
      }
      chosen.sort(null);
    }
    int[] result = new int[chosen.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = chosen.get(i);
    }
    return result;
  }

  /** Classes carrying the selector's rarest matchLabels pair (ascending), or null: scan instead. */
  private List<Integer> rarestPosting(LabelSelector pods) {
    List<Integer> rarest = null;
    for (Map.Entry<String, String> wanted : pods.matchLabels().entrySet()) {
      List<Integer> posting =
          postings.getOrDefault(posting(wanted.getKey(), wanted.getValue()), List.of());
      if (rarest == null || posting.size() < rarest.size()) {
        rarest = posting;
      }
    }
    return rarest;
  }
}
