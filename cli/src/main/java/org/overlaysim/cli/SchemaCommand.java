package org.overlaysim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.overlaysim.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code overlaysim schema}: prints the JSON Schema of the scenario format, for editors. Save it
 * and start a scenario with {@code # yaml-language-server: $schema=./scenario.schema.json}.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft-07) of the scenario format.",
      "Editors using the YAML language server (VS Code, IntelliJ) complete and check keys when a",
      "scenario starts with: # yaml-language-server: $schema=./scenario.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the schema to this file instead of standard output.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String schema = ScenarioSchema.json();
    if (out == null) {
      spec.commandLine().getOut().print(schema);
      spec.commandLine().getOut().flush();
    } else {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UserInputException(out + ": the directory " + parent + " does not exist");
      }
      Files.writeString(out, schema, StandardCharsets.UTF_8);
    }
    return ExitCodes.OK;
  }
}
