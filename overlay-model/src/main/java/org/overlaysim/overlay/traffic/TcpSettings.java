package org.overlaysim.overlay.traffic;

import java.util.Objects;
import org.overlaysim.scenario.CongestionAlgorithm;

/**
 * The TCP parameters of one connection, defaulting to Linux's.
 *
 * @param initialWindowSegments initial congestion window (RFC 6928: 10)
 * @param minRtoNs lower bound of the retransmission timeout (Linux TCP_RTO_MIN: 200 ms)
 * @param initialRtoNs RTO before any RTT sample (RFC 6298 section 2.1: 1 s)
 * @param maxRtoNs upper bound of the backed-off RTO (Linux TCP_RTO_MAX: 120 s)
 * @param delayedAckNs delayed-ACK timer (Linux TCP_DELACK_MIN: 40 ms)
 * @param receiveWindowBytes fixed receive window, or 0 for autotuning
 * @param maxReceiveWindowBytes autotuning's ceiling (Linux tcp_rmem max: 6 MiB)
 * @param synRetries SYN retransmissions before giving up (Linux tcp_syn_retries: 6)
 * @param congestionControl the sender's congestion control (Linux's default: cubic)
 */
public record TcpSettings(
    int initialWindowSegments,
    long minRtoNs,
    long initialRtoNs,
    long maxRtoNs,
    long delayedAckNs,
    long receiveWindowBytes,
    long maxReceiveWindowBytes,
    int synRetries,
    CongestionAlgorithm congestionControl) {
  /** Linux's initial advertised window (tcp_rmem default 128 KiB, half usable by the window). */
  public static final long INITIAL_AUTOTUNED_WINDOW = 65_535;

  public static final TcpSettings LINUX =
      new TcpSettings(
          10,
          200_000_000L,
          1_000_000_000L,
          120_000_000_000L,
          40_000_000L,
          0,
          6 << 20,
          6,
          CongestionAlgorithm.CUBIC);

  public TcpSettings {
    Objects.requireNonNull(congestionControl, "congestionControl");
    if (initialWindowSegments < 1
        || minRtoNs <= 0
        || initialRtoNs < minRtoNs
        || maxRtoNs < initialRtoNs
        || delayedAckNs <= 0
        || receiveWindowBytes < 0
        || maxReceiveWindowBytes < INITIAL_AUTOTUNED_WINDOW
        || synRetries < 0) {
      throw new IllegalArgumentException("invalid TCP settings");
    }
  }

  /** The same settings with a fixed receive window (0: autotuning). */
  public TcpSettings withReceiveWindow(long bytes) {
    return new TcpSettings(
        initialWindowSegments,
        minRtoNs,
        initialRtoNs,
        maxRtoNs,
        delayedAckNs,
        bytes,
        maxReceiveWindowBytes,
        synRetries,
        congestionControl);
  }

  /** The same settings with another congestion control. */
  public TcpSettings withCongestionControl(CongestionAlgorithm algorithm) {
    return new TcpSettings(
        initialWindowSegments,
        minRtoNs,
        initialRtoNs,
        maxRtoNs,
        delayedAckNs,
        receiveWindowBytes,
        maxReceiveWindowBytes,
        synRetries,
        algorithm);
  }
}
