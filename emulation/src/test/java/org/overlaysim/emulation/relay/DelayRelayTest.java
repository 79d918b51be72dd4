package org.overlaysim.emulation.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay's delay line and its checksum completion, in this JVM on loopback ports of its own. */
class DelayRelayTest {
  @Test
  void eachDatagramLeavesItsPathsDelayLaterWithinAFractionOfAMillisecond() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (DatagramChannel sink = DatagramChannel.open();
        DatagramChannel source = DatagramChannel.open()) {
      sink.bind(new InetSocketAddress(loopback, 0));
      source.bind(new InetSocketAddress(loopback, 0));
      InetSocketAddress to = (InetSocketAddress) sink.getLocalAddress();
      long delayNs = 20_000_000;
      DelayRelay relay =
          new DelayRelay()
              .start(loopback, 0, 1, List.of(new DelayRelay.Route(0, to, delayNs, new long[] {0})));
      try {
        InetSocketAddress relayPort = new InetSocketAddress(loopback, relay.listenPorts().get(0));
        List<Long> delays = new ArrayList<>();
        ByteBuffer in = ByteBuffer.allocate(64);
        for (int i = 0; i < 40; i++) {
          long sent = System.nanoTime();
          source.send(ByteBuffer.wrap(new byte[] {(byte) i}), relayPort);
          in.clear();
          sink.receive(in);
          delays.add(System.nanoTime() - sent);
          assertThat(in.get(0)).isEqualTo((byte) i);
          Thread.sleep(2);
        }
        long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted[sorted.length / 2];
        // Never early by more than the compensation of the send's own lag; the median within
        // half a millisecond (a loaded machine's outliers aside).
        assertThat(sorted[0]).isGreaterThan(delayNs - 300_000);
        assertThat(median)
            .as(Arrays.toString(sorted))
            .isBetween(delayNs - 200_000, delayNs + 500_000);
      } finally {
        relay.close();
      }
    }
  }

  @Test
  void jitterDrawsStayWithinTheLinksBoundsAndNeverBelowZero() {
    DelayRelay.Route route =
        new DelayRelay.Route(
            1, new InetSocketAddress("10.0.0.1", 4789), 1_000, new long[] {400, 800});
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      assertThat(route.delay(random)).isBetween(0L, 2_200L);
    }
    assertThat(DelayRelay.Route.parse("20001,10.0.0.2,4789,5000000,100+200").jitterNs())
        .containsExactly(100, 200);
  }

  /** VXLAN (8) + Ethernet (14) + IPv4 (20) + TCP SYN (20), its checksum 0x1fd4 (by hand). */
  private static final String VXLAN_SYN =
      "0800000000006400" // VXLAN, VNI 100
          + "020000000002020000000003"
          + "0800" // Ethernet
          + "45000028000040004006"
          + "0000"
          + "0a640003"
          + "0a640002" // IPv4
          + "80000050000000010000000050"
          + "02faf000000000"; // TCP SYN

  @Test
  void aPartialInnerTcpChecksumIsCompleted() {
    byte[] frame = HexFormat.of().parseHex(VXLAN_SYN);
    int field = 8 + 14 + 20 + 16;
    frame[field] = 0x12; // what an offload leaves: anything but the sum
    frame[field + 1] = 0x34;

    DelayRelay.completeInnerChecksum(frame, frame.length);

    assertThat(frame[field] & 0xff).isEqualTo(0x1f);
    assertThat(frame[field + 1] & 0xff).isEqualTo(0xd4);
  }

  @Test
  void aUdpChecksumOfZeroMeansNoneAndStays() {
    byte[] frame = HexFormat.of().parseHex(VXLAN_SYN);
    frame[8 + 14 + 9] = 17; // UDP
    frame[8 + 14 + 20 + 6] = 0;
    frame[8 + 14 + 20 + 7] = 0;

    DelayRelay.completeInnerChecksum(frame, frame.length);

    assertThat(frame[8 + 14 + 20 + 6]).isZero();
    assertThat(frame[8 + 14 + 20 + 7]).isZero();
  }
}
