package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioSchemaTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(ScenarioSchema.json());

  static Set<ValidationMessage> validate(String yaml) throws Exception {
    return SCHEMA.validate(YAML.readTree(yaml));
  }

  static java.util.stream.Stream<Path> examples() throws Exception {
    return ExamplesTest.examples();
  }

  static java.util.stream.Stream<Path> examplesSmallEnoughToWriteOut() throws Exception {
    return ExamplesTest.examplesSmallEnoughToWriteOut();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleMatchesTheSchema(Path example) throws Exception {
    assertThat(validate(Files.readString(example))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("examplesSmallEnoughToWriteOut")
  void everyWrittenExampleMatchesTheSchema(Path example) throws Exception {
    String written = ScenarioWriter.write(ScenarioLoader.load(example).base());
    assertThat(validate(written)).isEmpty();
  }

  @Test
  void minimalScenarioMatchesTheSchema() throws Exception {
    assertThat(validate(Yaml.minimal())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "descripton: typo\n",
        "replications: 0\n",
        "traffic:\n  - {kind: ping, from: c1, to: c2, interval: 100}\n",
        "traffic:\n  - {kind: icmp, from: c1, to: c2}\n",
        "capture:\n  - {link: a--b, container: c1}\n",
        "sweep:\n  underlay.defaults.mtu: []\n",
      })
  void scenarioWithABadKeyOrValueFailsTheSchema(String addition) throws Exception {
    assertThat(validate(Yaml.minimal() + addition)).isNotEmpty();
  }

  @Test
  void scenarioWithoutRequiredKeyFailsTheSchema() throws Exception {
    assertThat(validate(Yaml.minimal().replace("duration: 10s\n", ""))).isNotEmpty();
  }

  @Test
  void overlayWithBadEncapsulationFailsTheSchema() throws Exception {
    String text =
        Yaml.minimal()
            .replace("subnet: 172.20.0.0/24}", "subnet: 172.20.0.0/24, encapsulation: gre}");
    assertThat(validate(text)).isNotEmpty();
  }

  @Test
  void schemaNamesEveryTopLevelKeyTheLoaderAccepts() throws Exception {
    JsonNode properties = new ObjectMapper().readTree(ScenarioSchema.json()).get("properties");
    List<String> keys = new java.util.ArrayList<>();
    properties.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactlyInAnyOrder(
            "name",
            "description",
            "seed",
            "duration",
            "replications",
            "seeds",
            "sample",
            "sites",
            "underlay",
            "hosts",
            "overlays",
            "containers",
            "namespaces",
            "policies",
            "acls",
            "tcp",
            "traffic",
            "capture",
            "sweep",
            "events",
            "ipBlockMatchesPods");
  }
}
