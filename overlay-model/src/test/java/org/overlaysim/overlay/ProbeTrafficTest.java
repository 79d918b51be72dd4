package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.TrafficObserver.Probe;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/** The probe traffic kind with packets, on policy/acls.yaml (see its expected matrices). */
class ProbeTrafficTest {
  private static Run load(String... overrides) throws Exception {
    return ScenarioLoader.load(
            java.nio.file.Path.of(ProbeTrafficTest.class.getResource("/policy/acls.yaml").toURI()),
            List.of(overrides))
        .runs()
        .get(0);
  }

  private static int flow(Run run) {
    for (int i = 0; i < run.scenario().traffic().size(); i++) {
      if (run.scenario().traffic().get(i).kind().equals("probe")) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private static TrafficObserver run(Run run, long untilNs) {
    Simulator simulator = new Simulator();
    TrafficObserver observer = new TrafficObserver(simulator, flow(run));
    OverlayNetwork network =
        OverlayNetwork.build(run.scenario(), simulator, new RandomStreams(run.seed(), 0), observer);
    network.start();
    simulator.run(untilNs);
    network.finish();
    return observer;
  }

  @Test
  void aReplyRefusedByAStatelessAclIsDeniedWithTheAclReason() throws Exception {
    TrafficObserver o = run(load(), 1_000_000_000L);
    // c-2 to c-3: host-3's egress ACL lets no TCP leave, so the SYN-ACK dies there (matrix: a);
    // UDP passes both ACLs, and c-3's ingress policy allows everyone but c-1.
    assertThat(o.probes)
        .filteredOn(p -> p.src().equals("c-2") && p.dst().equals("c-3"))
        .extracting(Probe::protocol, Probe::port, Probe::allowed, Probe::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TCP", 80, false, "acl-deny"),
            org.assertj.core.groups.Tuple.tuple("TCP", 81, false, "acl-deny"),
            org.assertj.core.groups.Tuple.tuple("UDP", 81, true, "policy-allow:x/c3-not-from-c1"));
  }

  @Test
  void probesUndecidedWhenTheRunEndsAreReportedAsTimeoutsOrNotSent() throws Exception {
    // 4 containers: 12 pairs x 3 ports = 36 probes, 1 us apart; stop after 10 us. Only c-1 to
    // d-1 (one host, no VTEP) is answered that fast.
    TrafficObserver o = run(load(), 10_000L);
    assertThat(o.probes).hasSize(36);
    assertThat(o.probes).extracting(Probe::reason).contains("timeout", "not-sent");
    assertThat(o.probes).filteredOn(Probe::allowed).extracting(Probe::dst).containsOnly("d-1");
  }
}
