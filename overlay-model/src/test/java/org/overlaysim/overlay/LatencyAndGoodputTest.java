package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Latency and bytes on the wire computed by hand for latency.yaml: x on ha, y on hb, z on ha;
 * access links 10 Gbit/s with 10 us delay (host and router at one site), the WAN 1 Gbit/s 5 ms,
 * VTEP costs 3 us to encapsulate and 3 us to decapsulate (VtepSettings.DEFAULT). Serialization
 * counts Ethernet framing (header 14, FCS 4, preamble 8, gap 12): overlay-reference.md, "Goodput".
 */
class LatencyAndGoodputTest {
  private final ScenarioRun run = ScenarioRun.of("latency.yaml").run();

  @Test
  void pingRttAcrossTheWanIsTwiceTheDelaysSerializationsAndVtepCosts() {
    // Echo of 56 bytes: IPv4 84, outer 134, 172 byte-times = 1376 bits.
    // One way: encap 3000 + access 138 (1376 bits at 10G, rounded) + 10000 + WAN 1376 + 5000000
    // + access 138 + 10000 + decap 3000 = 5027652 ns; the reply has the same size.
    assertThat(run.observer.latencies.get(0)).containsExactly(10_055_304L, 10_055_304L);
    assertThat(run.observer.wire.get(0)).containsOnly(172L).hasSize(4);
  }

  @Test
  void aFlowBetweenContainersOfOneHostNeverTouchesTheUnderlay() {
    assertThat(run.observer.samples(1)).isEqualTo(2);
    // Only the host's bridge: an 84-byte echo serialized at the host's 10 Gbit/s, 122 byte-times
    // (976 bits) = 98 ns each way (LocalBridge), no VTEP, no link.
    assertThat(run.observer.latencies.get(1)).containsOnly(196L);
    assertThat(run.observer.wire.get(1)).isNull();
  }

  @Test
  void fullSizeVxlanDatagramsOccupy1538BytesOnTheWirePer1422BytesOfPayload() {
    // 100 Mbit/s of 1422-byte payloads: one every 113760 ns from 500 ms to 510 ms, 88 datagrams.
    // Inner 1450, outer 1500, on the wire 1538: the goodput arithmetic of overlay-reference.md
    // (a TCP segment would carry 1410 bytes in the same frame).
    assertThat(run.observer.wire.get(2)).hasSize(88).containsOnly(1538L);
    assertThat(run.observer.payload.get(2)).isEqualTo(88L * 1422);
    // One way: 3000 + 1230 (12304 bits at 10G) + 10000 + 12304 + 5000000 + 1230 + 10000 + 3000.
    assertThat(run.observer.latencies.get(2)).hasSize(88).containsOnly(5_040_764L);
  }
}
