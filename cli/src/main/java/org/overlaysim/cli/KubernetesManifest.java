package org.overlaysim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Indexed Job running a sharded batch, and the ConfigMap holding its scenario files.
 * Pod {@code i} (its completion index, 0-based like {@code --shard}) runs {@code overlaysim batch
 * /scenarios/... --out /results/shard-i --shard i/N}; the index reaches the command through {@code
 * $(JOB_COMPLETION_INDEX)}, which Kubernetes expands from the container's env.
 *
 * @param scenarioFiles file name (the ConfigMap key, mounted under /scenarios) to its text
 * @param claim a PersistentVolumeClaim for /results, or null for an emptyDir
 */
record KubernetesManifest(
    String name,
    String image,
    List<String> launcher,
    Map<String, String> scenarioFiles,
    List<String> overrides,
    int shards,
    int parallelism,
    int parallel,
    String claim) {
  static final String FILE = "overlaysim-job.yaml";
  static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build());

  KubernetesManifest {
    launcher = List.copyOf(launcher);
    scenarioFiles = new LinkedHashMap<>(scenarioFiles);
    overrides = List.copyOf(overrides);
  }

  String render() {
    try {
      return header()
          + "---\n"
          + YAML.writeValueAsString(configMap())
          + "---\n"
          + YAML.writeValueAsString(job());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialize", e);
    }
  }

  private String header() {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by 'overlaysim kubernetes': " + shards + " shards of one batch.");
    lines.add("# Apply: kubectl apply -f " + FILE + "; watch: kubectl get job " + name + " -w");
    if (claim == null) {
      lines.add("# NOTE: /results is an emptyDir: it is gone when a pod ends. Copy each shard out");
      lines.add("# before (kubectl cp) or give --pvc CLAIM (ReadWriteMany) so the results stay.");
    } else {
      lines.add("# Results: /results/shard-<i> on the claim " + claim + "; merge them with");
      lines.add("# overlaysim merge shard-* --out merged");
    }
    return String.join("\n", lines) + "\n";
  }

  Map<String, Object> configMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("apiVersion", "v1");
    map.put("kind", "ConfigMap");
    map.put("metadata", metadata(name + "-scenarios"));
    map.put("data", scenarioFiles);
    return map;
  }

  Map<String, Object> job() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("name", "JOB_COMPLETION_INDEX");
    env.put(
        "valueFrom",
        Map.of(
            "fieldRef", Map.of("fieldPath", "metadata.annotations['" + INDEX_ANNOTATION + "']")));

    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "overlaysim");
    container.put("image", image);
    container.put("command", command());
    container.put("env", List.of(env));
    container.put(
        "volumeMounts",
        List.of(mount("scenarios", "/scenarios", true), mount("results", "/results", false)));

    Map<String, Object> scenarios = new LinkedHashMap<>();
    scenarios.put("name", "scenarios");
    scenarios.put("configMap", Map.of("name", name + "-scenarios"));
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("name", "results");
    if (claim == null) {
      results.put("emptyDir", Map.of());
    } else {
      results.put("persistentVolumeClaim", Map.of("claimName", claim));
    }

    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("restartPolicy", "Never");
    podSpec.put("containers", List.of(container));
    podSpec.put("volumes", List.of(scenarios, results));

    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", Map.of("labels", labels()));
    template.put("spec", podSpec);

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("completionMode", "Indexed");
    spec.put("completions", shards);
    spec.put("parallelism", parallelism);
    spec.put("backoffLimit", shards * 2);
    spec.put("template", template);

    Map<String, Object> job = new LinkedHashMap<>();
    job.put("apiVersion", "batch/v1");
    job.put("kind", "Job");
    job.put("metadata", metadata(name));
    job.put("spec", spec);
    return job;
  }

  List<String> command() {
    List<String> command = new ArrayList<>(launcher);
    command.add("batch");
    scenarioFiles.keySet().forEach(f -> command.add("/scenarios/" + f));
    command.add("--out");
    command.add("/results/shard-$(JOB_COMPLETION_INDEX)");
    command.add("--shard");
    command.add("$(JOB_COMPLETION_INDEX)/" + shards);
    if (parallel > 0) {
      command.add("--parallel");
      command.add(Integer.toString(parallel));
    }
    for (String override : overrides) {
      command.add("--set");
      command.add(override);
    }
    return command;
  }

  private Map<String, Object> metadata(String objectName) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", objectName);
    metadata.put("labels", labels());
    return metadata;
  }

  private Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "overlaysim");
    labels.put("app.kubernetes.io/instance", name);
    return labels;
  }

  private static Map<String, Object> mount(String volume, String path, boolean readOnly) {
    Map<String, Object> mount = new LinkedHashMap<>();
    mount.put("name", volume);
    mount.put("mountPath", path);
    if (readOnly) {
      mount.put("readOnly", true);
    }
    return mount;
  }
}
