package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Two containers of one host talk through its bridge: TCP between them runs like any other pair (it
 * once recursed without end at one instant), bounded by the host's line rate.
 */
class LocalBridgeTest {
  @Test
  void tcpBetweenTwoContainersOfOneHostCompletesAtTheHostsLineRate() {
    TcpTrafficTest.Bench b = new TcpTrafficTest.Bench("tcp-lan.yaml", "containers.b.host=h1").run();

    double goodputBps = b.observer.goodputBps();
    // 1 Gbit/s host, no encapsulation on the bridge: a full segment is a 1450-byte packet (the
    // overlay MTU) carrying 1398 payload bytes, 1488 bytes with Ethernet framing; at most that
    // share of the line rate, and surely more than half of it.
    assertThat(goodputBps).isLessThanOrEqualTo(1e9 * 1398 / 1488);
    assertThat(goodputBps).isGreaterThan(0.5e9);
    assertThat(b.observer.payload).isPositive();
  }
}
