package org.overlaysim.overlay.dataplane;

import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.overlay.policy.Verdict;
import org.overlaysim.topology.UnderlayPacket;

/**
 * One packet in flight through the data plane: an inner Ethernet frame (ARP or IPv4 with ICMP, UDP
 * or TCP) and, once a VTEP has encapsulated it, its outer IPv4 header fields. Header fields are
 * held as plain ints and the payload as a length, so the hot path neither encodes nor decodes;
 * {@link FrameRenderer} turns a frame into real bytes with the packet codecs when a capture asks
 * for it. Simulation metadata (flow, send time) travels beside the header fields (INET's packet
 * tags).
 *
 * <p>What the underlay routes ({@link UnderlayPacket}) is the outer header when tunnelled, else the
 * inner packet itself; {@link #routeSrc}/{@link #routeDst} are then the underlay addresses of the
 * hosts behind the inner addresses (the routes a routed overlay advertises for its pod prefixes).
 *
 * <p>Mutable, owned by one holder at a time; {@link #copy()} for head-end replicas and fragments.
 */
public final class Frame implements UnderlayPacket {
  // --- simulation metadata
  /** Index of the flow in the scenario's traffic list, -1 for none (ARP, ICMP errors). */
  public int flow = -1;

  /** When the application sent it (ping's timestamp in the echo data, udp send time). */
  public long appSentNs;

  /** Overlay index the frame belongs to. */
  public int overlay;

  /** Container that sent it, -1 for frames made by hosts or routers. */
  public int srcContainer = -1;

  // --- inner Ethernet
  public long srcMac;
  public long dstMac;
  public char etherType = EtherType.IPV4;

  /** The ARP message of an ARP frame (etherType ARP), else null: rare, so kept beside the frame. */
  public ArpPacket arp;

  // --- inner IPv4
  public int srcIp;
  public int dstIp;
  public short protocol;
  public char ipId;
  public short ttl = Ipv4Header.DEFAULT_TTL;
  public boolean df;
  public boolean mf;

  /** Fragment offset in bytes (a multiple of 8). */
  public char fragOffset;

  /** Total length of this IPv4 packet or fragment. */
  public char ipLength;

  /** ICMP or UDP bytes (header included) of the whole datagram, before any fragmentation. */
  public char l4Length;

  /** The ICMP header of an ICMP message, else null: rare, so kept beside the frame. */
  public Icmp icmp;

  /**
   * An ICMP message's type, code and rest of header (RFC 792) and, for an error, the packet it
   * quotes (else null).
   */
  public record Icmp(int type, int code, int rest, Frame quoted) {}

  // --- UDP
  public char srcPort;
  public char dstPort;

  // --- TCP (srcPort/dstPort above). Sequence numbers are kept as longs counted from the
  // connection's first sequence number (its SYN is 0), so the model never deals with wrap-around.
  public long tcpSeq;
  public long tcpAck;
  public short tcpFlags;

  /** TCP header length, options included (40 for Linux's SYN options, 32 with timestamps). */
  public short tcpHeaderLength;

  /** The MSS option of a SYN (path MTU - 40), 0 on other segments. */
  public char tcpMss;

  /** The window the sender advertises, in bytes (window scaling already applied). */
  public long tcpWindow;

  /** RFC 7323 timestamps (TSval, TSecr), in ns of simulated time; TSecr -1 when none. */
  public long tsVal;

  public long tsEcr = -1;

  /**
   * RFC 2018 SACK blocks of this segment (a D-SACK, RFC 2883, first when present): pairs (left
   * edge, right edge), sequence numbers as {@code tcpAck}; null on segments that carry none, and
   * never changed after send.
   */
  public long[] sackBlocks;

  /** Told when this frame (or a fragment or replica of it) is dropped; null for most traffic. */
  public FrameDropListener dropListener;

  /**
   * What segmentation decided for this packet as a new connection, leaving its source (egress: VTEP
   * ACL then the source pod's policy) and entering its destination (ingress, or both ends for
   * containers of one host); null where nothing was checked or it passed as established.
   */
  public Verdict egressVerdict;

  public Verdict ingressVerdict;

  // --- outer header (tunnelled frames)
  public boolean tunneled;

  /** Encapsulation of the outer header, for rendering: 0 vxlan, 1 geneve, 2 ipip, 3 none. */
  public short tunnelKind;

  /** Geneve option bytes after the 8-byte Geneve header (the overlay's optionsBytes), else 0. */
  public short tunnelOptionsBytes;

  public int vni;

  /**
   * What encrypted the outer packet, null when nothing did: the outer header fields are then the
   * encrypted packet's, and the tunnel's own headers are inside, unseen.
   */
  public Seal seal;

  /**
   * An encryption of the outer packet: {@code cipher} one of {@link #CIPHER_WIREGUARD}, {@link
   * #CIPHER_ESP_TRANSPORT}, {@link #CIPHER_ESP_TUNNEL}; {@code id} WireGuard's receiver index or
   * ESP's SPI; {@code counter} WireGuard's counter or ESP's sequence number (per peer, from 0 or
   * 1).
   */
  public record Seal(int cipher, int id, long counter) {}

  public int outerSrc;
  public int outerDst;
  public short outerProto;
  public char outerSrcPort;
  public char outerDstPort;
  public short outerTtl = Ipv4Header.DEFAULT_TTL;
  public char outerId;
  public boolean outerDf;
  public boolean outerMf;
  public int outerFragOffset;
  public int outerLength;

  /** Underlay addresses used to route a frame that is not tunnelled (routed overlay, ICMP). */
  public int routeSrc;

  public int routeDst;

  /** The datagram an inner fragment belongs to (null for a whole datagram). */
  public Frame innerWhole;

  /** The outer datagram an outer fragment belongs to (null for a whole one). */
  public Frame outerWhole;

  /** Reassembly's count on a whole datagram, made when its first fragment arrives; not copied. */
  Fragments.Received received;

  public static final int TUNNEL_VXLAN = 0;
  public static final int TUNNEL_GENEVE = 1;
  public static final int TUNNEL_IPIP = 2;

  /** No tunnel inside the encryption: WireGuard or ESP carry the inner packet itself. */
  public static final int TUNNEL_NONE = 3;

  public static final int CIPHER_WIREGUARD = 1;
  public static final int CIPHER_ESP_TRANSPORT = 2;
  public static final int CIPHER_ESP_TUNNEL = 3;

  /** A field-by-field copy (shallow for references). */
  public Frame copy() {
    Frame f = new Frame();
    f.flow = flow;
    f.appSentNs = appSentNs;
    f.overlay = overlay;
    f.srcContainer = srcContainer;
    f.srcMac = srcMac;
    f.dstMac = dstMac;
    f.etherType = etherType;
    f.arp = arp;
    f.srcIp = srcIp;
    f.dstIp = dstIp;
    f.protocol = protocol;
    f.ipId = ipId;
    f.ttl = ttl;
    f.df = df;
    f.mf = mf;
    f.fragOffset = fragOffset;
    f.ipLength = ipLength;
    f.l4Length = l4Length;
    f.icmp = icmp;
    f.srcPort = srcPort;
    f.dstPort = dstPort;
    f.tcpSeq = tcpSeq;
    f.tcpAck = tcpAck;
    f.tcpFlags = tcpFlags;
    f.tcpHeaderLength = tcpHeaderLength;
    f.tcpWindow = tcpWindow;
    f.tcpMss = tcpMss;
    f.tsVal = tsVal;
    f.tsEcr = tsEcr;
    f.sackBlocks = sackBlocks;
    f.dropListener = dropListener;
    f.egressVerdict = egressVerdict;
    f.ingressVerdict = ingressVerdict;
    f.tunneled = tunneled;
    f.tunnelKind = tunnelKind;
    f.tunnelOptionsBytes = tunnelOptionsBytes;
    f.vni = vni;
    f.seal = seal;
    f.outerSrc = outerSrc;
    f.outerDst = outerDst;
    f.outerProto = outerProto;
    f.outerSrcPort = outerSrcPort;
    f.outerDstPort = outerDstPort;
    f.outerTtl = outerTtl;
    f.outerId = outerId;
    f.outerDf = outerDf;
    f.outerMf = outerMf;
    f.outerFragOffset = outerFragOffset;
    f.outerLength = outerLength;
    f.routeSrc = routeSrc;
    f.routeDst = routeDst;
    f.innerWhole = innerWhole;
    f.outerWhole = outerWhole;
    return f;
  }

  public boolean isArp() {
    return etherType == EtherType.ARP;
  }

  public boolean isInnerFragment() {
    return mf || fragOffset != 0;
  }

  public boolean isOuterFragment() {
    return outerMf || outerFragOffset != 0;
  }

  public boolean isEchoRequest() {
    return protocol == IpProtocol.ICMP && icmp.type() == IcmpMessage.TYPE_ECHO_REQUEST;
  }

  public boolean isEchoReply() {
    return protocol == IpProtocol.ICMP && icmp.type() == IcmpMessage.TYPE_ECHO_REPLY;
  }

  public boolean isFragmentationNeeded() {
    return protocol == IpProtocol.ICMP
        && icmp.type() == IcmpMessage.TYPE_DESTINATION_UNREACHABLE
        && icmp.code() == IcmpMessage.CODE_FRAGMENTATION_NEEDED;
  }

  /** Inner Ethernet payload length: the IPv4 packet, or the 28-byte ARP message. */
  public int innerL3Length() {
    return isArp() ? ArpPacket.LENGTH : ipLength;
  }

  /** Fills the inner IPv4 fields of a whole (unfragmented) ICMP message. */
  public Frame icmp(int type, int code, int rest, int payloadBytes) {
    return icmpError(type, code, rest, payloadBytes, null);
  }

  /** {@link #icmp} for an error message quoting {@code quoted}. */
  public Frame icmpError(int type, int code, int rest, int payloadBytes, Frame quoted) {
    protocol = IpProtocol.ICMP;
    icmp = new Icmp(type, code, rest, quoted);
    return lengths(IcmpMessage.HEADER_LENGTH + payloadBytes);
  }

  /** Fills the inner IPv4 fields of a whole UDP datagram. */
  public Frame udp(int sourcePort, int destinationPort, int payloadBytes) {
    protocol = IpProtocol.UDP;
    srcPort = (char) sourcePort;
    dstPort = (char) destinationPort;
    return lengths(UdpHeader.HEADER_LENGTH + payloadBytes);
  }

  /** Fills the inner IPv4 fields of a whole TCP segment. */
  public Frame tcp(int sourcePort, int destinationPort, int headerLength, int payloadBytes) {
    protocol = IpProtocol.TCP;
    srcPort = (char) sourcePort;
    dstPort = (char) destinationPort;
    tcpHeaderLength = (short) headerLength;
    return lengths(headerLength + payloadBytes);
  }

  /** SCTP common header (12) and an INIT chunk (20): an association's first packet. */
  public static final int SCTP_INIT_LENGTH = 32;

  /** Protocol number of SCTP (RFC 9260). */
  public static final int SCTP = 132;

  /** Fills the inner IPv4 fields of an SCTP packet carrying one INIT or INIT-ACK chunk. */
  public Frame sctpInit(int sourcePort, int destinationPort) {
    protocol = SCTP;
    srcPort = (char) sourcePort;
    dstPort = (char) destinationPort;
    return lengths(SCTP_INIT_LENGTH);
  }

  /** The transport and IPv4 lengths of a whole datagram of {@code l4Bytes} transport bytes. */
  private Frame lengths(int l4Bytes) {
    l4Length = (char) l4Bytes;
    ipLength = (char) (Ipv4Header.MINIMUM_LENGTH + l4Bytes);
    return this;
  }

  /** The number of SACK blocks the segment carries. */
  public int sackCount() {
    return sackBlocks == null ? 0 : sackBlocks.length / 2;
  }

  /** TCP payload bytes of a whole segment. */
  public int tcpPayload() {
    return l4Length - tcpHeaderLength;
  }

  /** Whether the frame carries transport ports (a whole or first-fragment UDP or TCP packet). */
  public boolean hasPorts() {
    return (protocol == IpProtocol.UDP || protocol == IpProtocol.TCP || protocol == SCTP)
        && !isInnerFragment();
  }

  // --- UnderlayPacket: the outer header when tunnelled, else the packet itself. Fragments carry
  // no ports for the ECMP hash, so every fragment of a datagram takes the same path (as Linux's
  // flow dissector, which does not look past the first fragment's IP header).

  @Override
  public int ipLength() {
    return tunneled ? outerLength : ipLength;
  }

  @Override
  public int srcIpv4() {
    return tunneled ? outerSrc : routeSrc;
  }

  @Override
  public int dstIpv4() {
    return tunneled ? outerDst : routeDst;
  }

  @Override
  public int protocol() {
    return tunneled ? outerProto : protocol;
  }

  @Override
  public int srcPort() {
    if (tunneled) {
      return outerSrcPort;
    }
    return hasPorts() ? srcPort : 0;
  }

  @Override
  public int dstPort() {
    if (tunneled) {
      return outerDstPort;
    }
    return hasPorts() ? dstPort : 0;
  }

  @Override
  public int decrementTtl() {
    return tunneled ? --outerTtl : --ttl;
  }

  /** The DF bit the underlay sees. */
  public boolean wireDf() {
    return tunneled ? outerDf : df;
  }
}
