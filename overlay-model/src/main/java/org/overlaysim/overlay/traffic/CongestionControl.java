package org.overlaysim.overlay.traffic;

import org.overlaysim.scenario.CongestionAlgorithm;

/**
 * A congestion control, modelled on Linux's {@code struct tcp_congestion_ops}: the connection does
 * loss detection and recovery (SACK, RACK, PRR) and asks the algorithm only how to grow the window
 * and where to set the threshold after a loss. One instance per connection (it keeps state).
 */
public interface CongestionControl {
  /** ops->init: the connection is established. */
  default void init(CongestionWindow w) {}

  /** ops->ssthresh: the slow-start threshold (segments) on entering recovery or loss. */
  int ssthreshAfterLoss(CongestionWindow w);

  /**
   * ops->cong_avoid: {@code acked} segments were newly acknowledged or SACKed by an ACK that
   * advanced snd_una, outside recovery.
   */
  void congestionAvoidance(CongestionWindow w, int acked);

  /** ops->pkts_acked: an RTT sample (ns) of the newest segment this ACK acknowledged. */
  default void rttSample(CongestionWindow w, long rttNs) {}

  /**
   * ops->cwnd_event(CA_EVENT_TX_START): data goes out with nothing in flight, {@code idleNs} after
   * the last data sent.
   */
  default void transmissionStart(CongestionWindow w, long idleNs) {}

  /** ops->set_state. */
  default void stateChanged(CongestionWindow w, CaState state) {}

  /** A new instance of {@code algorithm}. */
  static CongestionControl of(CongestionAlgorithm algorithm) {
    return switch (algorithm) {
      case CUBIC -> new Cubic();
      case RENO -> new Reno();
    };
  }
}
