package org.overlaysim.emulation.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Outputs of iputils ping 20221126 as seen in the namespaces. */
class PingOutputTest {
  @Test
  void repliesGiveOneRoundTripTimeEach() {
    PingOutput out =
        PingOutput.parse(
            """
            PING 172.20.0.3 (172.20.0.3) 1422(1450) bytes of data.
            1430 bytes from 172.20.0.3: icmp_seq=1 ttl=64 time=0.101 ms
            1430 bytes from 172.20.0.3: icmp_seq=2 ttl=64 time=1.25 ms

            --- 172.20.0.3 ping statistics ---
            2 packets transmitted, 2 received, 0% packet loss, time 200ms
            rtt min/avg/max/mdev = 0.101/0.102/0.103/0.001 ms
            """);
    assertThat(out.transmitted()).isEqualTo(2);
    assertThat(out.received()).isEqualTo(2);
    assertThat(out.rttNs()).containsExactly(101_000L, 1_250_000L);
    assertThat(out.localMtu()).isEqualTo(-1);
  }

  @Test
  void requestsWithoutAReplyAreTheLostSequenceNumbers() {
    // iputils numbers requests from 1 and prints nothing for one that got no reply.
    PingOutput out =
        PingOutput.parse(
            """
            PING 172.20.0.3 (172.20.0.3) 56(84) bytes of data.
            64 bytes from 172.20.0.3: icmp_seq=1 ttl=64 time=20.1 ms
            64 bytes from 172.20.0.3: icmp_seq=4 ttl=64 time=50.2 ms
            64 bytes from 172.20.0.3: icmp_seq=5 ttl=64 time=50.3 ms

            --- 172.20.0.3 ping statistics ---
            6 packets transmitted, 3 received, 50% packet loss, time 250ms
            """);
    assertThat(out.replySeqs()).containsExactly(1L, 4L, 5L);
    assertThat(out.lostSeqs()).containsExactly(2L, 3L, 6L);
  }

  @Test
  void messageTooLongIsALocalErrorNamingTheMtu() {
    PingOutput out =
        PingOutput.parse(
            """
            PING 172.20.0.3 (172.20.0.3) 1423(1451) bytes of data.
            ping: local error: message too long, mtu=1450
            ping: local error: message too long, mtu=1450

            --- 172.20.0.3 ping statistics ---
            2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 205ms
            """);
    assertThat(out.received()).isZero();
    assertThat(out.errors()).isEqualTo(2);
    assertThat(out.localMtu()).isEqualTo(1450);
  }

  @Test
  void fragmentationNeededReplyNamesThePathMtu() {
    PingOutput out =
        PingOutput.parse(
            """
            From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1350)
            1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
            """);
    assertThat(out.fragNeededMtu()).isEqualTo(1350);
  }
}
