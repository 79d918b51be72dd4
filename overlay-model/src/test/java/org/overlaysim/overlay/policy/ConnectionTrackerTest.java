package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.overlay.policy.ConnectionTracker.ACK;
import static org.overlaysim.overlay.policy.ConnectionTracker.FIN;
import static org.overlaysim.overlay.policy.ConnectionTracker.RST;
import static org.overlaysim.overlay.policy.ConnectionTracker.SYN;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionTrackerTest {
  private static final long S = 1_000_000_000L;
  private static final int ZONE = 100;
  private static final int A = 0xAC140001; // 172.20.0.1
  private static final int B = 0xAC140002;
  private static final int CLIENT_PORT = 40000;
  private static final int SERVER_PORT = 80;

  private final ConnectionTracker tracker = new ConnectionTracker();

  private CtInfo request(int flags, long nowNs) {
    return tracker.lookup(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, flags, nowNs);
  }

  private CtInfo reply(int flags, long nowNs) {
    return tracker.lookup(ZONE, B, A, Transport.TCP, SERVER_PORT, CLIENT_PORT, flags, nowNs);
  }

  private void open(long nowNs) {
    tracker.confirm(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, SYN, nowNs);
  }

  private void handshake() {
    open(0);
    reply(SYN | ACK, S / 1000);
    request(ACK, 2 * S / 1000);
  }

  @Test
  void anUnknownPacketIsNew() {
    assertThat(request(SYN, 0)).isEqualTo(CtInfo.NEW);
  }

  @Test
  void lookupOfANewPacketTracksNothing() {
    request(SYN, 0);
    assertThat(reply(SYN | ACK, 1)).isEqualTo(CtInfo.NEW);
    assertThat(tracker.size()).isZero();
  }

  @Test
  void theReplyOfAConfirmedConnectionIsEstablishedReply() {
    open(0);
    assertThat(reply(SYN | ACK, 1)).isEqualTo(CtInfo.ESTABLISHED_REPLY);
    assertThat(request(ACK, 2)).isEqualTo(CtInfo.ESTABLISHED);
  }

  @Test
  void aNewConnectionTheOtherWayIsNew() {
    open(0);
    CtInfo reverse = tracker.lookup(ZONE, B, A, Transport.TCP, 50000, SERVER_PORT, SYN, 1);
    assertThat(reverse).isEqualTo(CtInfo.NEW);
  }

  @Test
  void anUnansweredSynExpiresAfterSynSentTimeout() {
    open(0);
    assertThat(reply(SYN | ACK, 120 * S - 1)).isEqualTo(CtInfo.ESTABLISHED_REPLY);
    ConnectionTracker fresh = new ConnectionTracker();
    fresh.confirm(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, SYN, 0);
    assertThat(
            fresh.lookup(ZONE, B, A, Transport.TCP, SERVER_PORT, CLIENT_PORT, SYN | ACK, 120 * S))
        .isEqualTo(CtInfo.NEW);
  }

  @Test
  void anEstablishedConnectionOutlivesTheSynSentTimeout() {
    handshake();
    assertThat(reply(ACK, 3 * 86_400 * S)).isEqualTo(CtInfo.ESTABLISHED_REPLY);
  }

  @Test
  void anIdleEstablishedConnectionExpiresAfterFiveDays() {
    handshake();
    assertThat(reply(ACK, 432_000 * S + 2 * S / 1000)).isEqualTo(CtInfo.NEW);
  }

  @Test
  void finFinAckLeadsToTimeWaitWhichExpiresAfterTwoMinutes() {
    handshake();
    request(FIN | ACK, S);
    reply(FIN | ACK, S + 1);
    request(ACK, S + 2);
    assertThat(reply(ACK, S + 2 + 120 * S - 1)).isEqualTo(CtInfo.ESTABLISHED_REPLY);
    assertThat(reply(ACK, S + 2 + 2 * 120 * S)).isEqualTo(CtInfo.NEW);
  }

  @Test
  void aSynInTimeWaitStartsANewConnection() {
    handshake();
    request(FIN | ACK, S);
    reply(FIN | ACK, S + 1);
    request(ACK, S + 2);
    assertThat(request(SYN, 2 * S)).isEqualTo(CtInfo.NEW);
  }

  @Test
  void aRstClosesTheConnectionWithinTenSeconds() {
    handshake();
    reply(RST, S);
    assertThat(request(ACK, S + 10 * S - 1)).isEqualTo(CtInfo.ESTABLISHED);
    ConnectionTracker fresh = new ConnectionTracker();
    fresh.confirm(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, SYN, 0);
    fresh.lookup(ZONE, B, A, Transport.TCP, SERVER_PORT, CLIENT_PORT, RST, S);
    assertThat(fresh.lookup(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, ACK, 11 * S))
        .isEqualTo(CtInfo.NEW);
  }

  @Test
  void aRstStartsNoConnection() {
    tracker.confirm(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, RST, 0);
    assertThat(tracker.size()).isZero();
  }

  @Test
  void aMidStreamPacketIsPickedUpAsEstablished() {
    tracker.confirm(ZONE, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, ACK, 0);
    assertThat(reply(ACK, 200 * S)).isEqualTo(CtInfo.ESTABLISHED_REPLY);
  }

  @Test
  void anUnrepliedUdpFlowExpiresAfterThirtySeconds() {
    tracker.confirm(ZONE, A, B, Transport.UDP, 5000, 53, 0, 0);
    assertThat(tracker.lookup(ZONE, B, A, Transport.UDP, 53, 5000, 0, 30 * S - 1))
        .isEqualTo(CtInfo.ESTABLISHED_REPLY);
    ConnectionTracker fresh = new ConnectionTracker();
    fresh.confirm(ZONE, A, B, Transport.UDP, 5000, 53, 0, 0);
    assertThat(fresh.lookup(ZONE, B, A, Transport.UDP, 53, 5000, 0, 30 * S)).isEqualTo(CtInfo.NEW);
  }

  @Test
  void aRepliedUdpFlowActiveAfterTwoSecondsBecomesAStreamOfTwoMinutes() {
    tracker.confirm(ZONE, A, B, Transport.UDP, 5000, 53, 0, 0);
    tracker.lookup(ZONE, B, A, Transport.UDP, 53, 5000, 0, S);
    tracker.lookup(ZONE, A, B, Transport.UDP, 5000, 53, 0, 3 * S);
    assertThat(tracker.lookup(ZONE, B, A, Transport.UDP, 53, 5000, 0, 3 * S + 119 * S))
        .isEqualTo(CtInfo.ESTABLISHED_REPLY);
  }

  @Test
  void aRepliedUdpFlowWithinTwoSecondsKeepsTheShortTimeout() {
    tracker.confirm(ZONE, A, B, Transport.UDP, 5000, 53, 0, 0);
    tracker.lookup(ZONE, B, A, Transport.UDP, 53, 5000, 0, S);
    assertThat(tracker.lookup(ZONE, A, B, Transport.UDP, 5000, 53, 0, S + 30 * S))
        .isEqualTo(CtInfo.NEW);
  }

  @Test
  void anIcmpEchoIsTrackedForThirtySeconds() {
    tracker.confirm(ZONE, A, B, Transport.ICMP, 7, 7, 0, 0);
    assertThat(tracker.lookup(ZONE, B, A, Transport.ICMP, 7, 7, 0, 29 * S))
        .isEqualTo(CtInfo.ESTABLISHED_REPLY);
    assertThat(tracker.lookup(ZONE, B, A, Transport.ICMP, 7, 7, 0, 29 * S + 30 * S))
        .isEqualTo(CtInfo.NEW);
  }

  @Test
  void zonesKeepOverlappingAddressesOfTwoOverlaysApart() {
    tracker.confirm(1, A, B, Transport.TCP, CLIENT_PORT, SERVER_PORT, SYN, 0);
    assertThat(tracker.lookup(2, B, A, Transport.TCP, SERVER_PORT, CLIENT_PORT, SYN | ACK, 1))
        .isEqualTo(CtInfo.NEW);
  }

  @Test
  void confirmingALiveConnectionAgainChangesNothing() {
    open(0);
    open(1);
    tracker.confirm(ZONE, B, A, Transport.TCP, SERVER_PORT, CLIENT_PORT, SYN | ACK, 2);
    assertThat(tracker.size()).isEqualTo(1);
  }

  @Test
  void manyConnectionsAgreeWithAReferenceMapThroughGrowthAndExpiry() {
    Map<Long, Long> expiry = new HashMap<>();
    long now = 0;
    for (int i = 0; i < 20_000; i++) {
      now += S / 100;
      int port = 1024 + (i * 7919) % 3000;
      int server = B + (i % 13);
      if (tracker.lookup(ZONE, A, server, Transport.UDP, port, 53, 0, now) == CtInfo.NEW) {
        tracker.confirm(ZONE, A, server, Transport.UDP, port, 53, 0, now);
      }
      // Unreplied UDP: every packet refreshes the 30 s timer.
      expiry.put(((long) server << 16) | port, now + 30 * S);
    }
    long end = now;
    int live = 0;
    for (Map.Entry<Long, Long> entry : expiry.entrySet()) {
      int server = (int) (entry.getKey() >>> 16);
      int port = (int) (entry.getKey() & 0xFFFF);
      boolean expected = entry.getValue() > end + 1;
      CtInfo info = tracker.lookup(ZONE, server, A, Transport.UDP, 53, port, 0, end + 1);
      assertThat(info == CtInfo.ESTABLISHED_REPLY).as("%s:%d", server, port).isEqualTo(expected);
      live += expected ? 1 : 0;
    }
    assertThat(live).isPositive();
  }
}
