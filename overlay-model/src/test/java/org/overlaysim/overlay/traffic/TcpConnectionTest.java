package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.TcpHeader;

/**
 * One TCP connection over a test wire: a fixed one-way delay, no bandwidth, and a rule choosing
 * which segments vanish. Client 10.0.0.1:40000, server 10.0.0.2:80, path MTU 1450 (vxlan).
 */
class TcpConnectionTest {
  private static final long DELAY_NS = 1_000_000; // 1 ms each way
  private static final int MSS_PAYLOAD = 1450 - 40 - 12;

  private final Simulator simulator = new Simulator();
  private final Wire toServer = new Wire();
  private final Wire toClient = new Wire();
  private final TcpConnection client =
      new TcpConnection(
          simulator, NetworkObserver.NONE, 0, toServer, 1, 40000, 2, 80, TcpSettings.LINUX);
  private final TcpConnection server =
      new TcpConnection(
          simulator, NetworkObserver.NONE, 0, toClient, 2, 80, 1, 40000, TcpSettings.LINUX);

  TcpConnectionTest() {
    toServer.peer = server;
    toClient.peer = client;
    server.application(TcpBulkFlow.SERVER);
  }

  /** Delivers to the peer after the delay unless the rule drops it; the server accepts SYNs. */
  private final class Wire implements SegmentOutput {
    TcpConnection peer;
    Predicate<Frame> drop = f -> false;
    final List<Frame> sent = new ArrayList<>();
    final List<Long> times = new ArrayList<>();

    @Override
    public boolean send(Frame f) {
      sent.add(f);
      times.add(simulator.nowNs());
      if (drop.test(f)) {
        return true;
      }
      simulator.schedule(
          DELAY_NS,
          () -> {
            if (peer == server && peer.state() == TcpConnection.State.CLOSED && isSyn(f)) {
              server.accept(f);
            } else {
              peer.receive(f);
            }
          });
      return true;
    }

    @Override
    public int pathMtu(int dstIp) {
      return 1450;
    }
  }

  private static boolean isSyn(Frame f) {
    return (f.tcpFlags & TcpHeader.SYN) != 0;
  }

  private void transfer(long bytes) {
    new TcpBulkFlow(client, bytes);
    client.connect();
    simulator.run(300_000_000_000L);
  }

  @Test
  void threeWayHandshakeCarriesLinuxSynOptionsThenTimestampedSegments() {
    transfer(10_000);
    Frame syn = toServer.sent.get(0);
    Frame synAck = toClient.sent.get(0);
    Frame ack = toServer.sent.get(1);
    assertThat(syn.tcpFlags).isEqualTo(TcpHeader.SYN);
    assertThat(syn.tcpHeaderLength).isEqualTo(40);
    assertThat(syn.tcpMss).isEqualTo(1410);
    assertThat(synAck.tcpFlags).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
    assertThat(synAck.tcpAck).isEqualTo(1);
    assertThat(ack.tcpFlags).isEqualTo(TcpHeader.ACK);
    assertThat(ack.tcpHeaderLength).isEqualTo(32);
    assertThat(client.segmentPayload()).isEqualTo(MSS_PAYLOAD);
    assertThat(toServer.sent.get(2).tcpPayload()).isEqualTo(MSS_PAYLOAD);
  }

  @Test
  void bothSidesCloseWithFinAfterEveryByteArrived() {
    transfer(10_000);
    assertThat(server.bytesReceived()).isEqualTo(10_000);
    assertThat(client.state()).isEqualTo(TcpConnection.State.CLOSED);
    assertThat(server.state()).isEqualTo(TcpConnection.State.CLOSED);
    assertThat(toServer.sent).anyMatch(f -> (f.tcpFlags & TcpHeader.FIN) != 0);
    assertThat(toClient.sent).anyMatch(f -> (f.tcpFlags & TcpHeader.FIN) != 0);
    assertThat(client.retransmissions()).isZero();
  }

  @Test
  void theInitialWindowIsTenSegments() {
    new TcpBulkFlow(client, 100 * MSS_PAYLOAD);
    client.connect();
    simulator.run(2 * DELAY_NS + 1); // handshake done, the first flight out, no ACK back yet
    long data = toServer.sent.stream().filter(f -> f.tcpPayload() > 0).count();
    assertThat(data).isEqualTo(10);
  }

  @Test
  void aLostSegmentIsFastRetransmittedAfterThreeDuplicateAcks() {
    long lostSeq = 1 + 4L * MSS_PAYLOAD;
    boolean[] once = {false};
    toServer.drop =
        f -> {
          if (f.tcpSeq == lostSeq && f.tcpPayload() > 0 && !once[0]) {
            once[0] = true;
            return true;
          }
          return false;
        };
    transfer(30L * MSS_PAYLOAD);
    for (int i = 0; i < toServer.sent.size(); i++)
      System.out.println(
          "C "
              + toServer.times.get(i)
              + " seq="
              + toServer.sent.get(i).tcpSeq
              + " len="
              + toServer.sent.get(i).tcpPayload());
    for (Frame f : toClient.sent)
      System.out.println(
          "S "
              + f.tsVal
              + " ack="
              + f.tcpAck
              + " sacks="
              + f.sackCount
              + (f.sackCount > 0 ? " " + f.sackBlocks[0] + "-" + f.sackBlocks[1] : ""));
    System.out.println(
        client
            + " fr="
            + client.fastRetransmits()
            + " rto="
            + client.timeouts()
            + " tlp="
            + client.lossProbes());
    assertThat(client.fastRetransmits()).isEqualTo(1);
    assertThat(client.timeouts()).isZero();
    assertThat(client.retransmissions()).isEqualTo(1);
    int original = indexOfSeq(toServer.sent, lostSeq, 0);
    int again = indexOfSeq(toServer.sent, lostSeq, original + 1);
    long dupAcksBefore =
        toClient.sent.stream()
            .filter(f -> f.tcpAck == lostSeq && f.tcpPayload() == 0)
            .filter(f -> f.tsVal < toServer.times.get(again))
            .count();
    assertThat(dupAcksBefore).isGreaterThanOrEqualTo(4); // the first ACK and 3 duplicates
    assertThat(toServer.times.get(again) - toServer.times.get(original)).isLessThan(10 * DELAY_NS);
    assertThat(server.bytesReceived()).isEqualTo(30L * MSS_PAYLOAD);
  }

  private static int indexOfSeq(List<Frame> frames, long seq, int from) {
    for (int i = from; i < frames.size(); i++) {
      if (frames.get(i).tcpSeq == seq && frames.get(i).tcpPayload() > 0) {
        return i;
      }
    }
    throw new AssertionError("no segment " + seq);
  }

  @Test
  void unansweredSynsAreRetriedWithTheRetransmissionTimeoutDoubling() {
    toServer.drop = TcpConnectionTest::isSyn;
    transfer(1000);
    // RFC 6298 section 2.1 initial RTO 1 s, doubled each time (5.5); Linux tries 1 + 6 SYNs.
    assertThat(toServer.times)
        .containsExactly(
            0L,
            1_000_000_000L,
            3_000_000_000L,
            7_000_000_000L,
            15_000_000_000L,
            31_000_000_000L,
            63_000_000_000L);
    assertThat(client.state()).isEqualTo(TcpConnection.State.CLOSED);
  }

  @Test
  void
      lostDataIsResentByATailLossProbeThenOnTimeoutsBackingOffFromTheTwoHundredMillisecondMinimum() {
    toServer.drop = f -> f.tcpPayload() > 0 && f.tsVal < 2_000_000_000L;
    transfer(1000);
    List<Long> data = new ArrayList<>();
    for (int i = 0; i < toServer.sent.size(); i++) {
      if (toServer.sent.get(i).tcpPayload() > 0) {
        data.add(toServer.times.get(i));
      }
    }
    long first = data.get(0);
    System.out.println(
        "DATA " + data + " " + client + " " + client.timeouts() + " " + client.lossProbes());
    // RTT 2 ms: RTO = max(200 ms, SRTT + 4 RTTVAR) = 200 ms. The FIN follows the data at once (it
    // has no payload, so it arrives). RFC 8985 section 7.2 (Linux's tcp_schedule_loss_probe):
    // with two segments out the probe timeout is 2 SRTT + 2 ms = 6 ms, and the probe resends the
    // last segment, the FIN; the RTO restarts from the probe (+206 ms), then doubles: +400, +800,
    // +1600 ms.
    assertThat(data.subList(0, 5))
        .containsExactly(
            first,
            first + 206_000_000L,
            first + 606_000_000L,
            first + 1_406_000_000L,
            first + 3_006_000_000L);
    assertThat(server.bytesReceived()).isEqualTo(1000);
    assertThat(client.lossProbes()).isEqualTo(1);
    assertThat(client.timeouts()).isEqualTo(4);
  }

  /**
   * Whatever the loss (both directions, data, ACKs, SYNs and FINs alike), every byte arrives once,
   * in order, and both ends close: recovery, probes and timeouts never wedge the connection.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0.001, 0.01, 0.05, 0.2})
  void everyByteArrivesAndBothEndsCloseUnderRandomLoss(double loss) {
    for (int seed = 1; seed <= 5; seed++) {
      TcpConnectionTest t = new TcpConnectionTest();
      java.util.Random random = new java.util.Random(seed);
      t.toServer.drop = f -> random.nextDouble() < loss;
      t.toClient.drop = f -> random.nextDouble() < loss;
      t.transfer(300_000);
      assertThat(t.server.bytesReceived()).as("seed %d", seed).isEqualTo(300_000);
      assertThat(t.client.state())
          .as("seed %d: %s", seed, t.client)
          .isEqualTo(TcpConnection.State.CLOSED);
      assertThat(t.server.state())
          .as("seed %d: %s", seed, t.server)
          .isEqualTo(TcpConnection.State.CLOSED);
    }
  }
}
