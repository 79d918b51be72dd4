package org.overlaysim.overlay.traffic;

/**
 * RACK's state (RFC 8985, Linux's tcp_sock.rack): the transmission time and RTT of the most
 * recently sent segment known delivered, and whether reordering has been seen. Transmissions at the
 * same simulated instant are ordered by a per-connection transmission count (where Linux, whose
 * clock always moves between ACKs, breaks ties by sequence number).
 */
final class Rack {
  long xmitNs = -1;
  int order = -1;
  long rttNs;
  boolean reorderingSeen;

  /** Moved since loss detection last ran (Linux's rack.advanced): only then is it worth a walk. */
  boolean advanced;

  /**
   * RFC 8985 section 6.2 step 2 (Linux's tcp_rack_advance): a delivered segment moves RACK to its
   * transmission if later; a retransmitted one whose RTT is below the minimum may have been
   * delivered by its original and is ignored.
   */
  void advance(int flags, int segmentOrder, long segmentXmitNs, long now, long minRttNs) {
    long rtt = now - segmentXmitNs;
    if ((flags & SendScoreboard.EVER_RETRANS) != 0 && rtt < minRttNs) {
      return;
    }
    advanced = true;
    rttNs = rtt;
    if (sentAfter(segmentXmitNs, xmitNs, segmentOrder, order)) {
      xmitNs = segmentXmitNs;
      order = segmentOrder;
    }
  }

  /**
   * Linux's tcp_skb_sent_after: later, or at the same time and later in transmission order (counts
   * compared as Linux compares sequence numbers, so that they may wrap).
   */
  static boolean sentAfter(long t1, long t2, int order1, int order2) {
    return t1 > t2 || (t1 == t2 && order1 - order2 > 0);
  }

  /**
   * Linux's tcp_rack_reo_wnd: none while no reordering was seen and either in recovery or with
   * three segments SACKed (the duplicate-ACK threshold); otherwise min_rtt/4, at most SRTT.
   */
  long reorderingWindowNs(boolean inRecovery, int sackedOut, long minRttNs, long srttNs) {
    if (!reorderingSeen && (inRecovery || sackedOut >= 3)) {
      return 0;
    }
    return Math.min(minRttNs / 4, srttNs);
  }
}
