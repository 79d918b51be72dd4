package org.overlaysim.overlay.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.Protocol;

/**
 * The expected matrices written in a truth-table scenario's leading comment: a line {@code # expect
 * TCP/80 UDP/80} followed by one line per source {@code # x-a -.x.......}.
 */
final class ExpectedMatrices {
  private static final Pattern EXPECT = Pattern.compile("^# expect ((?:\\S+/\\d+ ?)+)$");
  private static final Pattern ROW = Pattern.compile("^#\\s+(\\S+)\\s+([.xav-]+)$");

  /** A source's name and its expected cells, one per destination. */
  record Row(String source, String cells) {}

  private ExpectedMatrices() {}

  /**
   * A cell as the truth tables write it: {@code .} allowed, {@code x} policy-deny, {@code a}
   * acl-deny, {@code v} vni-mismatch, {@code -} the container itself.
   */
  static char cell(Reachability reachability, int src, int dst, ProbePort port) {
    if (src == dst) {
      return '-';
    }
    return switch (reachability.check(src, dst, port).reason()) {
      case POLICY_DENY -> 'x';
      case ACL_DENY -> 'a';
      case VNI_MISMATCH -> 'v';
      default -> '.';
    };
  }

  /** Row {@code src} of the live verdicts, one cell per destination in scenario order. */
  static String row(Reachability reachability, int src, ProbePort port) {
    StringBuilder cells = new StringBuilder();
    for (int dst = 0; dst < reachability.containers().size(); dst++) {
      cells.append(cell(reachability, src, dst, port));
    }
    return cells.toString();
  }

  static Map<ProbePort, List<Row>> read(Path file) throws IOException {
    Map<ProbePort, List<Row>> expected = new LinkedHashMap<>();
    List<ProbePort> open = List.of();
    for (String line : Files.readAllLines(file)) {
      Matcher expect = EXPECT.matcher(line);
      Matcher row = ROW.matcher(line);
      if (expect.matches()) {
        open = new ArrayList<>();
        for (String port : expect.group(1).trim().split(" ")) {
          String[] parts = port.split("/");
          ProbePort probePort =
              new ProbePort(Protocol.valueOf(parts[0]), Integer.parseInt(parts[1]));
          open.add(probePort);
          expected.put(probePort, new ArrayList<>());
        }
      } else if (row.matches() && !open.isEmpty()) {
        for (ProbePort port : open) {
          expected.get(port).add(new Row(row.group(1), row.group(2)));
        }
      } else {
        open = List.of();
      }
    }
    return expected;
  }
}
