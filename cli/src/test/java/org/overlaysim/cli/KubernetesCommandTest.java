package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code overlaysim kubernetes}: an Indexed Job valid against the batch/v1 Job schema. */
class KubernetesCommandTest {
  static final Path SWEEP = ShardMergeTest.SWEEP;
  private static final YAMLMapper YAML = new YAMLMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static JsonSchema schema(String file) throws IOException {
    try (InputStream in = KubernetesCommandTest.class.getResourceAsStream("/kubernetes/" + file)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  private List<JsonNode> documents(String... extra) throws IOException {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    "kubernetes", SWEEP.toString(), "--shards", "3", "--image", "overlaysim:1"),
                java.util.stream.Stream.of(extra))
            .toArray(String[]::new);
    assertThat(overlaysim(args)).as(err.toString()).isZero();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(out.toString())) {
      return docs.readAll().stream().filter(d -> !d.isNull() && !d.isMissingNode()).toList();
    }
  }

  private static JsonNode job(List<JsonNode> docs) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals("Job"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void jobIsValidAgainstTheBatchV1JobSchema() throws IOException {
    JsonNode job = job(documents());

    assertThat(schema("job-batch-v1.json").validate(job)).isEmpty();
  }

  @Test
  void jobWithAClaimIsValidToo() throws IOException {
    JsonNode job = job(documents("--pvc", "results", "--parallelism", "2", "--parallel", "1"));

    assertThat(schema("job-batch-v1.json").validate(job)).isEmpty();
    assertThat(job.at("/spec/template/spec/volumes/1/persistentVolumeClaim/claimName").asText())
        .isEqualTo("results");
    assertThat(job.at("/spec/parallelism").asInt()).isEqualTo(2);
  }

  @Test
  void configMapIsValidAndHoldsTheScenarioFile() throws IOException {
    JsonNode map =
        documents().stream()
            .filter(d -> d.path("kind").asText().equals("ConfigMap"))
            .findFirst()
            .orElseThrow();

    assertThat(schema("configmap-v1.json").validate(map)).isEmpty();
    assertThat(map.at("/data/sharded-sweep.yaml").asText()).isEqualTo(Files.readString(SWEEP));
  }

  @Test
  void schemaRefusesAFieldAJobDoesNotHave() throws IOException {
    JsonNode job = job(documents());
    ((com.fasterxml.jackson.databind.node.ObjectNode) job.get("spec")).put("completionsMode", "x");

    assertThat(schema("job-batch-v1.json").validate(job)).isNotEmpty();
  }

  @Test
  void eachPodRunsTheShardOfItsCompletionIndex() throws IOException {
    JsonNode job = job(documents());

    assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
    assertThat(job.at("/spec/completions").asInt()).isEqualTo(3);
    JsonNode container = job.at("/spec/template/spec/containers/0");
    assertThat(YAML.convertValue(container.get("command"), List.class))
        .containsSubsequence(
            "overlaysim",
            "batch",
            "/scenarios/sharded-sweep.yaml",
            "--out",
            "/results/shard-$(JOB_COMPLETION_INDEX)",
            "--shard",
            "$(JOB_COMPLETION_INDEX)/3");
    assertThat(container.at("/env/0/name").asText()).isEqualTo("JOB_COMPLETION_INDEX");
    assertThat(container.at("/env/0/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/scenarios");
    assertThat(out.toString()).contains("emptyDir").contains("kubectl cp");
  }

  @Test
  void outWritesTheManifestFile(@TempDir Path dir) {
    assertThat(
            overlaysim(
                "kubernetes",
                SWEEP.toString(),
                "--shards",
                "2",
                "--image",
                "i",
                "--out",
                dir.toString()))
        .isZero();
    assertThat(dir.resolve("overlaysim-job.yaml")).exists();
  }

  @Test
  void jobNameThatIsNoDnsLabelIsAUserError() {
    assertThat(
            overlaysim(
                "kubernetes",
                SWEEP.toString(),
                "--shards",
                "2",
                "--image",
                "i",
                "--name",
                "Bad_Name"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("DNS label");
  }

  @Test
  void aClaimOrImageThatWouldAddALineToTheManifestIsRefused() {
    assertThat(
            overlaysim(
                "kubernetes",
                SWEEP.toString(),
                "--shards",
                "2",
                "--image",
                "i\nkind: Pod",
                "--pvc",
                "data\nkind: Pod"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "--image 'i\\nkind: Pod': an image reference holds no spaces or control characters\n"
                + "--pvc 'data\\nkind: Pod': a PersistentVolumeClaim name is a lowercase DNS"
                + " subdomain (a-z, 0-9, '-', '.')\n");
  }
}
