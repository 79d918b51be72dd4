package org.overlaysim.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 10× cluster of issue 22: {@code scenarios/examples/k8s-max.yaml} with every count multiplied
 * by ten — 50,000 hosts (10,000 per site), 1,500,000 containers (120,000 web clients and 30,000 api
 * servers per overlay, api still on every host whose name ends in 0) — and everything else as it
 * is: the same 500 policies, the same per-client request rate (so ten times the requests, 1,000,000
 * a second), the same probe. Each overlay's /16 becomes an aligned /14 (10.64.0.0/14 for o0 up to
 * 10.100.0.0/14 for o9) to hold its 150,000 addresses; a site's /16 still holds its 10,000 hosts.
 *
 * <p>Writes the variant, it is not an example: {@code java -cp benchmarks/target/benchmarks.jar
 * org.overlaysim.benchmarks.scale.TenfoldK8sMax scenarios/examples/k8s-max.yaml /tmp/k8s-10x.yaml},
 * then {@code JAVA_OPTS=-Xmx16g ./overlaysim run /tmp/k8s-10x.yaml --out DIR --profile}.
 */
public final class TenfoldK8sMax {
  static final int FACTOR = 10;
  private static final Pattern COUNT = Pattern.compile("count: (\\d+)");
  private static final Pattern OVERLAY_SUBNET =
      Pattern.compile("vni: (\\d+), subnet: 10\\.\\d+\\.0\\.0/16");

  private TenfoldK8sMax() {}

  /** The tenfold variant of a k8s-max scenario's text. */
  static String tenfold(String k8sMax) {
    String text = k8sMax.replaceFirst("name: k8s-max\n", "name: k8s-max-10x\n");
    text = replaceAll(text, COUNT, m -> "count: " + Integer.parseInt(m.group(1)) * FACTOR);
    return replaceAll(
        text,
        OVERLAY_SUBNET,
        m -> {
          int overlay = Integer.parseInt(m.group(1)) - 100;
          return "vni: " + m.group(1) + ", subnet: 10." + (64 + 4 * overlay) + ".0.0/14";
        });
  }

  private static String replaceAll(
      String text, Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: TenfoldK8sMax K8S_MAX_YAML OUT_YAML");
      System.exit(2);
    }
    Files.writeString(Path.of(args[1]), tenfold(Files.readString(Path.of(args[0]))));
  }
}
