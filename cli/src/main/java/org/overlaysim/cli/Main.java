package org.overlaysim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code overlaysim} command: a picocli root whose subcommands do the work. */
@Command(
    name = "overlaysim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Simulate container overlay networks (VXLAN, Geneve, IP-in-IP) across sites.",
    subcommands = {
      RunCommand.class,
      BatchCommand.class,
      MergeCommand.class,
      SlurmCommand.class,
      KubernetesCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      GuiCommand.class,
      EmulateCommand.class,
      CompareCommand.class,
      PlotCommand.class
    },
    footer = {
      "",
      "Exit status: 0 success, 2 invalid input (scenario, arguments), 1 internal failure, 130"
          + " (143) a run or batch stopped by Ctrl-C (SIGTERM)."
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line and returns the exit status, writing to the given streams. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(ExitCodes::onBadArguments);
    commandLine.setExecutionExceptionHandler(ExitCodes::onFailure);
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }
}
