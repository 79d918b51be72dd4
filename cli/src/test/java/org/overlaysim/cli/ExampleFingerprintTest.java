package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example behaves as pinned: same events at the same nanoseconds, same reports and captures
 * ({@link ExampleFingerprints}). k8s-max is checked by {@link K8sMaxExampleTest}, which runs it
 * once anyway.
 */
class ExampleFingerprintTest {
  @ParameterizedTest
  @MethodSource("org.overlaysim.cli.RunCommandTest#examples")
  void exampleBehavesAsPinned(Path example, @TempDir Path dir) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path reports = dir.resolve("out");

    int status =
        Main.execute(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "run",
            example.toString(),
            "--out",
            reports.toString(),
            "--fingerprint");

    assertThat(status).as(err.toString()).isZero();
    String name = example.getFileName().toString().replace(".yaml", "");
    ExampleFingerprints.check(name, out.toString(), reports);
  }
}
