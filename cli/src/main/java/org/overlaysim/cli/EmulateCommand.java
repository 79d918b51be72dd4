package org.overlaysim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.overlaysim.emulation.EmulateMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim emulate FILE --out DIR} and {@code emulate --cleanup}: the real kernel. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Build the scenario on the Linux kernel (network namespaces, veth, bridges, kernel VXLAN,",
      "nftables, tbf), run its ping, probe and tcp traffic with real tools and the kernel's TCP,",
      "and write the same reports.",
      "Needs root, iproute2, nftables and ping; at most 60 containers; everything is removed after."
    })
final class EmulateCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Scenario (YAML).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the reports.")
  Path out;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a scenario value, e.g. --set underlay.defaults.loss=0.01.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--cleanup",
      description = "Remove namespaces and devices left behind by a crashed emulation, then exit.")
  boolean cleanup;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (cleanup) {
      return EmulateMain.cleanup(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    if (file == null || out == null) {
      throw new UserInputException("emulate needs a scenario FILE and --out DIR (or --cleanup)");
    }
    InputFiles.readable(file);
    OutputDirectory.usable(out);
    return EmulateMain.run(
        file, overrides, out, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
