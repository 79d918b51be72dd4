package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.Scenario;

/**
 * The reachability truth agrees with packets sent through the hosts' {@link HostSegmentation}: a
 * request and its reply, hop by hop, for every pair and port of every truth-table scenario, the way
 * the data plane's probes will travel.
 */
class PacketPathAgreementTest {

  static List<String> cases() throws java.io.IOException {
    return TruthTableTest.cases().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aRequestAndItsReplyPassExactlyWhenReachabilitySaysAllowed(String file) {
    Scenario scenario = PolicyScenarios.load(file);
    PolicyEngine engine = new PolicyEngine(scenario);
    HostAcls acls = HostAcls.of(scenario);
    Reachability reachability = new Reachability(scenario, engine, acls);
    Map<String, HostSegmentation> hosts = new HashMap<>();
    for (Container c : scenario.containers()) {
      hosts.computeIfAbsent(c.host(), h -> new HostSegmentation(h, engine, acls));
    }
    List<String> differences = new ArrayList<>();
    long now = 0;
    int n = scenario.containers().size();
    for (ProbePort port : PolicyScenarios.probe(scenario).ports()) {
      int protocol = Transport.of(port.protocol());
      int opening = protocol == Transport.TCP ? ConnectionTracker.SYN : 0;
      int answer = protocol == Transport.TCP ? ConnectionTracker.SYN | ConnectionTracker.ACK : 0;
      for (int src = 0; src < n; src++) {
        for (int dst = 0; dst < n; dst++) {
          if (src == dst) {
            continue;
          }
          now += 1_000;
          int p = port.port();
          int ephemeral = Reachability.PROBE_SOURCE_PORT;
          Verdict path = send(hosts, engine, src, dst, protocol, ephemeral, p, opening, now);
          if (path.allowed()) {
            path = send(hosts, engine, dst, src, protocol, p, ephemeral, answer, now + 500);
          }
          Verdict truth = reachability.check(src, dst, port);
          if (path.allowed() != truth.allowed()
              || (!path.allowed() && path.reason() != truth.reason())) {
            differences.add(
                String.format(
                    "%s %s -> %s: packets %s, reachability %s",
                    port,
                    engine.container(src).name(),
                    engine.container(dst).name(),
                    path.describe(),
                    truth.describe()));
          }
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  private static Verdict send(
      Map<String, HostSegmentation> hosts,
      PolicyEngine engine,
      int src,
      int dst,
      int protocol,
      int srcPort,
      int dstPort,
      int flags,
      long now) {
    HostSegmentation from = hosts.get(engine.container(src).host());
    HostSegmentation to = hosts.get(engine.container(dst).host());
    if (from == to) {
      return from.local(src, dst, protocol, srcPort, dstPort, flags, now);
    }
    Verdict out = from.outbound(src, dst, protocol, srcPort, dstPort, flags, now);
    return out.allowed() ? to.inbound(src, dst, protocol, srcPort, dstPort, flags, now) : out;
  }
}
