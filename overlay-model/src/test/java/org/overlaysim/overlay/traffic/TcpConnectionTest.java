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
    assertThat((int) syn.tcpFlags).isEqualTo(TcpHeader.SYN);
    assertThat((int) syn.tcpHeaderLength).isEqualTo(40);
    assertThat((int) syn.tcpMss).isEqualTo(1410);
    assertThat((int) synAck.tcpFlags).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
    assertThat(synAck.tcpAck).isEqualTo(1);
    assertThat((int) ack.tcpFlags).isEqualTo(TcpHeader.ACK);
    assertThat((int) ack.tcpHeaderLength).isEqualTo(32);
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
              + f.sackCount()
              + (f.sackCount() > 0 ? " " + f.sackBlocks[0] + "-" + f.sackBlocks[1] : ""));
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
   * Linux's receive-buffer autotuning, tcp_rcv_space_adjust, worked by hand. The server's first
   * measure (tcp_init_buffer_space) is min(65535, 10 × 1398) = 13980 bytes from its establishment
   * at 3 ms; its RTT from the echoed timestamp of its SYN-ACK (sent at 1 ms) is 2 ms. At 5 ms the
   * first of the 20 segments of slow start's second round has made 11 read: 15378 > 13980, so the
   * window would be 2 × 15378 + 16 × 1398 = 53124 plus twice its growth, 53124 × 1398 / 13980 =
   * 5312: 63748, below the initial 65535 (kept; it never shrinks). At 7 ms the first segment of the
   * third round makes 20 more read (the other 19 of 5 ms and itself): 27960 > 15378, so 2 × 27960 +
   * 16 × 1398 = 78288, growth 78288 × 12582 / 15378 = 64053, window 78288 + 2 × 64053 = 206394.
   */
  @Test
  void theReceiveWindowGrowsByLinuxsDynamicRightSizing() {
    transfer(300_000);
    int atSeven = 0;
    for (int i = 0; i < toClient.sent.size(); i++) {
      long t = toClient.times.get(i);
      long window = toClient.sent.get(i).tcpWindow;
      if (t < 7_000_000) {
        assertThat(window).as("at %d ns", t).isEqualTo(65_535);
      } else if (t == 7_000_000) {
        assertThat(window).as("at %d ns", t).isEqualTo(206_394);
        atSeven++;
      }
    }
    assertThat(atSeven).isPositive();
  }

  /**
   * RFC 9293 section 3.10.7.4 (TIME-WAIT): "The only thing that can arrive in this state is a
   * retransmission of the remote FIN. Acknowledge it". The client's ACK of the server's FIN (the
   * server sent no data: its FIN is sequence 1, so the ACK acknowledges 2) is lost once; the
   * server, in LAST_ACK, sends its FIN again, the closed client acknowledges it again, and the
   * server closes.
   */
  @Test
  void aFinSentAgainAfterTheCloseIsAcknowledgedAgainAsInTimeWait() {
    boolean[] dropped = {false};
    toServer.drop =
        f -> {
          if (!dropped[0] && f.tcpAck == 2 && (f.tcpFlags & TcpHeader.FIN) == 0) {
            dropped[0] = true;
            return true;
          }
          return false;
        };
    transfer(10_000);
    assertThat(dropped[0]).isTrue();
    assertThat(client.state()).isEqualTo(TcpConnection.State.CLOSED);
    assertThat(server.state()).isEqualTo(TcpConnection.State.CLOSED);
    assertThat(toClient.sent.stream().filter(f -> (f.tcpFlags & TcpHeader.FIN) != 0).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(toServer.sent.stream().filter(f -> f.tcpAck == 2).count()).isEqualTo(2);
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
