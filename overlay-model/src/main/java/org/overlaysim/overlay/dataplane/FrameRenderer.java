package org.overlaysim.overlay.dataplane;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.overlaysim.engine.random.SplitMix64;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.GeneveHeader;
import org.overlaysim.overlay.packet.GeneveOption;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.InternetChecksum;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.Octets;
import org.overlaysim.overlay.packet.TcpHeader;
import org.overlaysim.overlay.packet.TcpOption;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.overlay.packet.VxlanHeader;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

/**
 * Turns a {@link Frame} into the bytes a capture would see, with the packet codecs: real headers
 * and checksums (IPv4 header, ICMP, TCP, inner and outer UDP over the real header bytes and the
 * zero-filled payload), fragments cut from the whole datagram at their offsets. Only captures pay
 * for this; the data plane never encodes.
 */
public final class FrameRenderer {
  private static final int IP = Ipv4Header.MINIMUM_LENGTH;

  /** The host's underlay NIC MAC: locally administered 02:00 and its address. */
  public static long hostMac(int hostIp) {
    return 0x0200_0000_0000L | (hostIp & 0xffffffffL);
  }

  /** A router port's MAC: locally administered 02:01 and the router index. */
  public static long routerMac(int router) {
    return 0x0201_0000_0000L | router;
  }

  /** The inner Ethernet frame, as seen on a container interface. */
  public byte[] inner(Frame f) {
    byte[] l3 = f.isArp() ? arp(f) : innerDatagram(f);
    return ethernet(f.dstMac, f.srcMac, f.isArp() ? EtherType.ARP : EtherType.IPV4, l3);
  }

  /** The frame as seen on an underlay link, between the node MACs {@code src} and {@code dst}. */
  public byte[] outer(Frame f, long src, long dst) {
    byte[] l3 = f.tunneled ? outerDatagram(f) : innerDatagram(f);
    return ethernet(dst, src, EtherType.IPV4, l3);
  }

  private static byte[] ethernet(long dst, long src, int type, byte[] l3) {
    int length = Math.max(EthernetHeader.MINIMUM_FRAME_LENGTH, EthernetHeader.LENGTH + l3.length);
    ByteBuffer b = ByteBuffer.allocate(length);
    EthernetHeader.of(new MacAddress(dst), new MacAddress(src), type).write(b);
    b.put(l3);
    return b.array();
  }

  private static byte[] arp(Frame f) {
    return f.arp.toBytes();
  }

  /** The inner IPv4 packet (or fragment) with its real header. */
  private byte[] innerDatagram(Frame f) {
    Frame whole = f.innerWhole != null ? f.innerWhole : f;
    byte[] l4 = transport(whole);
    int length = f.ipLength - IP;
    Ipv4Header header =
        new Ipv4Header(
                0,
                0,
                f.ipLength,
                f.ipId,
                f.df,
                f.mf,
                f.fragOffset / 8,
                Math.max(0, f.ttl),
                f.protocol,
                0,
                new Ipv4(f.srcIp),
                new Ipv4(f.dstIp),
                Octets.EMPTY)
            .withComputedChecksum();
    ByteBuffer b = ByteBuffer.allocate(f.ipLength);
    header.write(b);
    b.put(l4, f.fragOffset, length);
    return b.array();
  }

  /** The whole datagram's transport bytes: header (and ICMP quote) then zeros. */
  private byte[] transport(Frame w) {
    byte[] l4 = new byte[w.l4Length];
    ByteBuffer b = ByteBuffer.wrap(l4);
    if (w.protocol == IpProtocol.ICMP) {
      Octets body = Octets.EMPTY;
      Frame.Icmp icmp = w.icmp;
      if (icmp.quoted() != null) {
        byte[] quoted = quote(w);
        body = Octets.of(quoted);
      }
      new IcmpMessage(icmp.type(), icmp.code(), 0, icmp.rest(), body)
          .withComputedChecksum()
          .write(b);
    } else if (w.protocol == IpProtocol.UDP) {
      UdpHeader udp = UdpHeader.of(w.srcPort, w.dstPort, w.l4Length - UdpHeader.HEADER_LENGTH);
      udp = udp.withChecksum(udp.computeChecksum(new Ipv4(w.srcIp), new Ipv4(w.dstIp), 0));
      udp.write(b);
    } else if (w.protocol == IpProtocol.TCP) {
      tcpHeader(w).write(b);
    }
    return l4;
  }

  /** Linux's window scale for a 6 MiB receive buffer. */
  static final int WINDOW_SCALE = 7;

  /**
   * A segment's header: Linux's SYN options, or timestamps padded with two NOPs, followed by the
   * SACK blocks after two more NOPs when it carries any (a RST carries none). Sequence numbers
   * start at 0 for each side (the model's ISN); timestamps in ms, as Linux's TCP clock ticks; the
   * window field scaled after the SYN (RFC 7323).
   */
  private static TcpHeader tcpHeader(Frame w) {
    long tsVal = (w.tsVal / 1_000_000L) & 0xffff_ffffL;
    long tsEcr = w.tsEcr < 0 ? 0 : (w.tsEcr / 1_000_000L) & 0xffff_ffffL;
    List<TcpOption> options;
    int window;
    if ((w.tcpFlags & TcpHeader.SYN) != 0) {
      options = TcpHeader.linuxSynOptions(w.tcpMss, tsVal, WINDOW_SCALE);
      window = (int) Math.min(0xffff, w.tcpWindow);
    } else if (w.sackBlocks != null) {
      // Linux's tcp_options_write: NOP NOP timestamps, then NOP NOP SACK.
      options =
          List.of(
              TcpOption.noOperation(),
              TcpOption.noOperation(),
              TcpOption.timestamps(tsVal, tsEcr),
              TcpOption.noOperation(),
              TcpOption.noOperation(),
              TcpOption.sack(w.sackBlocks, w.sackCount()));
      window = (int) Math.min(0xffff, w.tcpWindow >> WINDOW_SCALE);
    } else if (w.tcpHeaderLength > TcpHeader.MINIMUM_LENGTH) {
      options =
          List.of(
              TcpOption.noOperation(), TcpOption.noOperation(), TcpOption.timestamps(tsVal, tsEcr));
      window = (int) Math.min(0xffff, w.tcpWindow >> WINDOW_SCALE);
    } else {
      options = List.of();
      window = 0;
    }
    TcpHeader h =
        new TcpHeader(
            w.srcPort,
            w.dstPort,
            w.tcpSeq & 0xffff_ffffL,
            w.tcpAck & 0xffff_ffffL,
            w.tcpFlags,
            window,
            0,
            0,
            options);
    return h.withComputedChecksum(
        new Ipv4(w.srcIp), new Ipv4(w.dstIp), w.l4Length - h.headerLength(), 0);
  }

  /** RFC 792: the offending datagram's header and first 8 data bytes, as the recipient sent it. */
  private byte[] quote(Frame icmp) {
    Frame q = icmp.icmp.quoted();
    boolean outerView = q.tunneled && icmp.dstIp == q.outerSrc;
    byte[] datagram;
    if (outerView) {
      datagram = outerDatagram(q);
    } else {
      datagram = innerDatagram(q);
    }
    byte[] quoted = new byte[Math.min(icmp.l4Length - IcmpMessage.HEADER_LENGTH, datagram.length)];
    System.arraycopy(datagram, 0, quoted, 0, quoted.length);
    return quoted;
  }

  /** The outer IPv4 datagram (or fragment) of a tunnelled frame. */
  private byte[] outerDatagram(Frame f) {
    Frame whole = f.outerWhole != null ? f.outerWhole : f;
    byte[] payload = outerPayload(whole);
    Ipv4Header header =
        new Ipv4Header(
                0,
                0,
                f.outerLength,
                f.outerId,
                f.outerDf,
                f.outerMf,
                f.outerFragOffset / 8,
                Math.max(0, f.outerTtl),
                f.outerProto,
                0,
                new Ipv4(f.outerSrc),
                new Ipv4(f.outerDst),
                Octets.EMPTY)
            .withComputedChecksum();
    ByteBuffer b = ByteBuffer.allocate(f.outerLength);
    header.write(b);
    b.put(payload, f.outerFragOffset, f.outerLength - IP);
    return b.array();
  }

  /** What follows the outer IPv4 header of the whole datagram. */
  private byte[] outerPayload(Frame w) {
    if (w.seal != null) {
      return sealed(w);
    }
    if (w.tunnelKind == Frame.TUNNEL_IPIP) {
      return innerDatagram(w);
    }
    byte[] innerFrame = inner(w);
    // The inner frame is not padded inside a tunnel: only its real length counts.
    int innerLength = EthernetHeader.LENGTH + w.innerL3Length();
    int udpLength = UdpHeader.HEADER_LENGTH + 8 + w.tunnelOptionsBytes + innerLength;
    ByteBuffer payload = ByteBuffer.allocate(udpLength);
    payload.position(UdpHeader.HEADER_LENGTH);
    if (w.tunnelKind == Frame.TUNNEL_VXLAN) {
      new VxlanHeader(w.vni).write(payload);
    } else {
      GeneveHeader.ethernet(w.vni, GeneveOption.filling(w.tunnelOptionsBytes)).write(payload);
    }
    payload.put(innerFrame, 0, innerLength);
    byte[] bytes = payload.array();
    UdpHeader udp = UdpHeader.of(w.outerSrcPort, w.outerDstPort, udpLength - 8);
    long sum = InternetChecksum.sum(bytes, UdpHeader.HEADER_LENGTH, udpLength - 8);
    // Linux computes the outer UDP checksum by default (udp_tunnel_xmit_skb).
    udp = udp.withChecksum(udp.computeChecksum(new Ipv4(w.outerSrc), new Ipv4(w.outerDst), sum));
    ByteBuffer head = ByteBuffer.wrap(bytes);
    udp.write(head);
    return bytes;
  }

  /** WireGuard's message type of transport data, a little-endian 32-bit word (messages.h). */
  private static final int WIREGUARD_TRANSPORT_DATA = 4;

  /**
   * An encrypted packet after its outer IPv4 header: what WireGuard or ESP send in the clear (the
   * UDP header, WireGuard's type, receiver index and counter, little-endian as messages.h lays them
   * out; ESP's SPI and sequence number, big-endian, RFC 4303 section 2), then opaque bytes: a
   * stream seeded by the peer and the counter stands in for the ciphertext and its tag.
   */
  private static byte[] sealed(Frame w) {
    byte[] bytes = new byte[w.outerLength - IP];
    ByteBuffer b = ByteBuffer.wrap(bytes);
    Frame.Seal seal = w.seal;
    if (seal.cipher() == Frame.CIPHER_WIREGUARD) {
      b.position(UdpHeader.HEADER_LENGTH);
      b.order(ByteOrder.LITTLE_ENDIAN)
          .putInt(WIREGUARD_TRANSPORT_DATA)
          .putInt(seal.id())
          .putLong(seal.counter());
      opaque(bytes, b.position(), w);
      UdpHeader udp = UdpHeader.of(w.outerSrcPort, w.outerDstPort, bytes.length - 8);
      long sum = InternetChecksum.sum(bytes, UdpHeader.HEADER_LENGTH, bytes.length - 8);
      udp = udp.withChecksum(udp.computeChecksum(new Ipv4(w.outerSrc), new Ipv4(w.outerDst), sum));
      udp.write(ByteBuffer.wrap(bytes));
    } else {
      b.putInt(seal.id()).putInt((int) seal.counter());
      opaque(bytes, b.position(), w);
    }
    return bytes;
  }

  private static void opaque(byte[] bytes, int from, Frame w) {
    long seed = SplitMix64.mix((long) w.seal.id() << 32 ^ w.seal.counter());
    for (int i = from; i < bytes.length; i++) {
      long word = SplitMix64.mix(seed + (i >>> 3) * SplitMix64.GOLDEN_GAMMA);
      bytes[i] = (byte) (word >>> (8 * (i & 7)));
    }
  }
}
