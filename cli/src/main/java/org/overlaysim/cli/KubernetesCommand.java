package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim kubernetes FILE... --shards N --image IMAGE}: an Indexed Job manifest. */
@Command(
    name = "kubernetes",
    mixinStandardHelpOptions = true,
    description = {
      "Write a Kubernetes Indexed Job (batch/v1) running a batch as N shards, one pod per"
          + " completion index ('overlaysim batch --shard $(JOB_COMPLETION_INDEX)/N'), and a"
          + " ConfigMap with the scenario files, mounted at /scenarios.",
      "Each shard writes /results/shard-<i>; collect them and combine them with 'overlaysim"
          + " merge'. Prints the manifest, or writes DIR/"
          + KubernetesManifest.FILE
          + " with --out."
    })
final class KubernetesCommand implements Callable<Integer> {
  private static final String NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  /** A DNS subdomain, as Kubernetes names a PersistentVolumeClaim. */
  private static final String CLAIM = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files;

  @Option(names = "--shards", required = true, paramLabel = "N", description = "Completions.")
  int shards;

  @Option(
      names = "--image",
      required = true,
      paramLabel = "IMAGE",
      description = "Container image with overlaysim (see --launcher).")
  String image;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the manifest here.")
  Path out;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Job name, a DNS label (default ${DEFAULT-VALUE}).")
  String name = "overlaysim";

  @Option(names = "--parallelism", paramLabel = "P", description = "Pods at once (default: all N).")
  int parallelism;

  @Option(names = "--parallel", paramLabel = "K", description = "Runs at once in each pod.")
  int parallel;

  @Option(
      names = "--pvc",
      paramLabel = "CLAIM",
      description = "PersistentVolumeClaim for /results (default: an emptyDir, lost with the pod).")
  String claim;

  @Option(
      names = "--launcher",
      paramLabel = "COMMAND",
      description = "How the image starts overlaysim (default '${DEFAULT-VALUE}').")
  String launcher = "overlaysim";

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a value in every scenario, e.g. --set duration=10s.")
  List<String> overrides = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>();
    if (shards < 1) {
      problems.add("--shards must be at least 1, not " + shards);
    }
    if (parallelism < 0 || parallel < 0) {
      problems.add("--parallelism and --parallel must be positive");
    }
    if (!name.matches(NAME) || name.length() > 52) {
      problems.add("--name '" + name + "': a lowercase DNS label of at most 52 characters");
    }
    if (image.isBlank()) {
      problems.add("--image must name an image");
    } else if (!image.matches("[^\\s\\p{Cntrl}]+")) {
      problems.add(
          "--image '"
              + Shell.printable(image)
              + "': an image reference holds no spaces or control characters");
    }
    if (claim != null && (!claim.matches(CLAIM) || claim.length() > 253)) {
      problems.add(
          "--pvc '"
              + Shell.printable(claim)
              + "': a PersistentVolumeClaim name is a lowercase DNS subdomain (a-z, 0-9, '-', '.')");
    }
    if (!problems.isEmpty()) {
      throw new UserInputException(problems);
    }
    BatchInputs.load(files, overrides); // refuse bad scenarios here, not in every pod
    Map<String, String> scenarioFiles = new LinkedHashMap<>();
    for (Path file : files) {
      String key = file.getFileName().toString();
      if (!key.matches("[-._a-zA-Z0-9]+")) {
        problems.add(file + ": a ConfigMap key allows only letters, digits, '-', '_' and '.'");
      } else if (scenarioFiles.putIfAbsent(key, Files.readString(file)) != null) {
        problems.add(file + ": another file is also named " + key + " (rename one)");
      }
    }
    if (!problems.isEmpty()) {
      throw new UserInputException(problems);
    }
    KubernetesManifest manifest =
        new KubernetesManifest(
            name,
            image,
            Arrays.asList(launcher.trim().split("\\s+")),
            scenarioFiles,
            overrides,
            shards,
            parallelism == 0 ? shards : Math.min(parallelism, shards),
            parallel,
            claim);
    if (out == null) {
      spec.commandLine().getOut().print(manifest.render());
      return ExitCodes.OK;
    }
    OutputDirectory.usable(out);
    Files.createDirectories(out);
    Path file = out.resolve(KubernetesManifest.FILE);
    Files.writeString(file, manifest.render());
    spec.commandLine().getOut().println("Wrote " + file);
    spec.commandLine().getOut().println("Apply it: kubectl apply -f " + file);
    return ExitCodes.OK;
  }
}
