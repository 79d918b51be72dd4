package org.overlaysim.overlay.policy;

import org.overlaysim.scenario.Protocol;

/**
 * IPv4 protocol numbers (IANA) of the transports that policies, ACLs and connection tracking
 * distinguish. The packet path passes these ints, not enums.
 */
public final class Transport {
  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;

  /** RFC 4960. */
  public static final int SCTP = 132;

  private Transport() {}

  /** The protocol number of a Kubernetes port protocol. */
  public static int of(Protocol protocol) {
    return switch (protocol) {
      case TCP -> TCP;
      case UDP -> UDP;
      case SCTP -> SCTP;
    };
  }

  /** Whether the protocol has port numbers (ICMP has none). */
  public static boolean hasPorts(int protocol) {
    return protocol == TCP || protocol == UDP || protocol == SCTP;
  }

  /** {@code TCP}, {@code UDP}, {@code SCTP}, {@code ICMP} or the number. */
  public static String name(int protocol) {
    return switch (protocol) {
      case ICMP -> "ICMP";
      case TCP -> "TCP";
      case UDP -> "UDP";
      case SCTP -> "SCTP";
      default -> Integer.toString(protocol);
    };
  }
}
