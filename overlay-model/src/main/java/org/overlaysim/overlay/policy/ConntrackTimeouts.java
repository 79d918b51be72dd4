package org.overlaysim.overlay.policy;

/**
 * Connection-tracking timeouts in ns, each refreshed by every packet of the connection.
 *
 * @param udpStreamNs once a UDP flow has seen a reply and lives past 2 s (Linux's {@code
 *     stream_ts}), it is a stream and gets this longer timeout
 * @param sctpNewNs an SCTP association not yet answered (Linux COOKIE_WAIT)
 * @param otherNs any other protocol (Linux's generic tracker)
 */
public record ConntrackTimeouts(
    long tcpSynSentNs,
    long tcpSynRecvNs,
    long tcpEstablishedNs,
    long tcpFinWaitNs,
    long tcpCloseWaitNs,
    long tcpLastAckNs,
    long tcpTimeWaitNs,
    long tcpCloseNs,
    long udpNs,
    long udpStreamNs,
    long icmpNs,
    long sctpNewNs,
    long sctpEstablishedNs,
    long otherNs) {

  private static final long SECOND = 1_000_000_000L;

  /**
   * The Linux defaults (Documentation/networking/nf_conntrack-sysctl.rst, net.netfilter.*):
   * nf_conntrack_tcp_timeout_syn_sent 120 s, _syn_recv 60 s, _established 432000 s (5 days),
   * _fin_wait 120 s, _close_wait 60 s, _last_ack 30 s, _time_wait 120 s, _close 10 s;
   * nf_conntrack_udp_timeout 30 s, nf_conntrack_udp_timeout_stream 120 s; nf_conntrack_icmp_timeout
   * 30 s; nf_conntrack_sctp_timeout_cookie_wait 3 s, nf_conntrack_sctp_timeout_established 210 s;
   * nf_conntrack_generic_timeout 600 s.
   */
  public static final ConntrackTimeouts LINUX =
      new ConntrackTimeouts(
          120 * SECOND,
          60 * SECOND,
          432_000 * SECOND,
          120 * SECOND,
          60 * SECOND,
          30 * SECOND,
          120 * SECOND,
          10 * SECOND,
          30 * SECOND,
          120 * SECOND,
          30 * SECOND,
          3 * SECOND,
          210 * SECOND,
          600 * SECOND);

  public ConntrackTimeouts {
    long[] all = {
      tcpSynSentNs,
      tcpSynRecvNs,
      tcpEstablishedNs,
      tcpFinWaitNs,
      tcpCloseWaitNs,
      tcpLastAckNs,
      tcpTimeWaitNs,
      tcpCloseNs,
      udpNs,
      udpStreamNs,
      icmpNs,
      sctpNewNs,
      sctpEstablishedNs,
      otherNs
    };
    for (long timeout : all) {
      if (timeout <= 0) {
        throw new IllegalArgumentException("conntrack timeouts must be above zero: " + timeout);
      }
    }
  }
}
