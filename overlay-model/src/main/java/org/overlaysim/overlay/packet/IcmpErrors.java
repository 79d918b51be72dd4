package org.overlaysim.overlay.packet;

/**
 * Builds the ICMP error datagrams a Linux host or router sends (net/ipv4/icmp.c, icmp_send): IPv4
 * from the reporting address to the offending datagram's source, DSCP CS6 (tos | 0xc0), TTL 64, DF
 * clear, quoting as much of the offending datagram as keeps the error within 576 bytes. {@link
 * #mayReplyTo} applies the rules that suppress an error (RFC 1122 section 3.2.2, RFC 1812 section
 * 4.3.2.7).
 */
public final class IcmpErrors {
  /** Precedence "internetwork control" (0xc0) as DSCP: what icmp_send ORs into the TOS. */
  static final int DSCP_INTERNETWORK_CONTROL = 0xc0 >>> 2;

  private IcmpErrors() {}

  /**
   * False where no ICMP error may be sent about the datagram at {@code ipOffset}: it is itself an
   * ICMP error (or an unknown ICMP type), a fragment other than the first, or sent to a multicast
   * or broadcast address.
   */
  public static boolean mayReplyTo(Packet offending, int ipOffset) {
    Ipv4Header ip = offending.peek(ipOffset, Ipv4Header::read);
    if (ip.fragmentOffset() != 0) {
      return false;
    }
    int destination = ip.destination().value();
    if ((destination >>> 28) == 0xe || destination == -1) {
      return false;
    }
    if (ip.protocol() == IpProtocol.ICMP && offending.length() > ipOffset + ip.headerLength()) {
      int type = offending.byteAt(ipOffset + ip.headerLength());
      return type == IcmpMessage.TYPE_ECHO_REQUEST || type == IcmpMessage.TYPE_ECHO_REPLY;
    }
    return true;
  }

  /** "Fragmentation needed and DF set" with the next-hop MTU (RFC 1191), from {@code reporter}. */
  public static Packet fragmentationNeeded(
      Packet offending, int ipOffset, int nextHopMtu, Ipv4Address reporter, int identification) {
    return datagram(
        IcmpMessage.fragmentationNeeded(nextHopMtu, IcmpMessage.quoteLinux(offending, ipOffset)),
        offending,
        ipOffset,
        reporter,
        identification);
  }

  /** Time exceeded: TTL expired in transit (code 0) or fragment reassembly time exceeded (1). */
  public static Packet timeExceeded(
      Packet offending, int ipOffset, int code, Ipv4Address reporter, int identification) {
    return datagram(
        IcmpMessage.timeExceeded(code, IcmpMessage.quoteLinux(offending, ipOffset)),
        offending,
        ipOffset,
        reporter,
        identification);
  }

  /** Destination unreachable with {@code code} (network, host, protocol, port...). */
  public static Packet destinationUnreachable(
      Packet offending, int ipOffset, int code, Ipv4Address reporter, int identification) {
    return datagram(
        IcmpMessage.destinationUnreachable(code, IcmpMessage.quoteLinux(offending, ipOffset)),
        offending,
        ipOffset,
        reporter,
        identification);
  }

  private static Packet datagram(
      IcmpMessage error, Packet offending, int ipOffset, Ipv4Address reporter, int identification) {
    Ipv4Header original = offending.peek(ipOffset, Ipv4Header::read);
    Packet packet = Packet.withVirtualPayload(0);
    packet.push(error);
    packet.push(
        Ipv4Header.checksummed(
            original.dscp() | DSCP_INTERNETWORK_CONTROL,
            0,
            Ipv4Header.MINIMUM_LENGTH + error.encodedLength(),
            identification,
            false,
            false,
            0,
            Ipv4Header.DEFAULT_TTL,
            IpProtocol.ICMP,
            reporter,
            original.source(),
            Octets.EMPTY));
    packet.setFlowId(offending.flowId());
    return packet;
  }
}
