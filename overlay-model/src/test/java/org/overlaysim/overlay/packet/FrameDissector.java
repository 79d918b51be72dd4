package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a whole Ethernet frame into its header stack, through tunnels, as a capture tool would:
 * Ethernet (802.1Q) → ARP | IPv4 → ICMP | TCP | UDP → VXLAN (ports 4789, 8472) | Geneve (6081) →
 * inner Ethernet …, and IP-in-IP. Stops at payload and at non-first fragments. The tests read what
 * {@code FrameRenderer} renders and captured frames with it; bad bytes give a {@link
 * MalformedPacketException}.
 */
public final class FrameDissector {
  private static final int MAXIMUM_NESTING = 16;

  private FrameDissector() {}

  public static List<Header> dissect(byte[] frame) {
    return dissect(ByteBuffer.wrap(frame));
  }

  /** Dissects from the buffer's position to its limit. */
  public static List<Header> dissect(ByteBuffer frame) {
    List<Header> headers = new ArrayList<>(8);
    ethernet(frame.duplicate(), headers, 0);
    return headers;
  }

  private static void ethernet(ByteBuffer buffer, List<Header> headers, int depth) {
    checkDepth(buffer, depth);
    EthernetHeader ethernet = EthernetHeader.read(buffer);
    headers.add(ethernet);
    if (ethernet.etherType() == EtherType.IPV4) {
      ipv4(buffer, headers, depth + 1);
    } else if (ethernet.etherType() == EtherType.ARP) {
      headers.add(ArpPacket.read(buffer));
    }
  }

  private static void ipv4(ByteBuffer buffer, List<Header> headers, int depth) {
    checkDepth(buffer, depth);
    int start = buffer.position();
    Ipv4Header ip = Ipv4Header.read(buffer);
    if (start + ip.totalLength() > buffer.limit()) {
      buffer.position(start);
      throw MalformedPacketException.at(
          buffer,
          "IPv4 header",
          "total length "
              + ip.totalLength()
              + " exceeds the "
              + (buffer.limit() - start)
              + " bytes left");
    }
    headers.add(ip);
    // Bytes past the total length are link padding, not payload.
    buffer.limit(start + ip.totalLength());
    if (ip.fragmentOffset() != 0) {
      return;
    }
    boolean wholeDatagram = !ip.moreFragments();
    switch (ip.protocol()) {
      case IpProtocol.ICMP -> headers.add(IcmpMessage.read(buffer));
      case IpProtocol.TCP -> headers.add(TcpHeader.read(buffer));
      case IpProtocol.UDP -> udp(buffer, headers, depth, wholeDatagram);
      case IpProtocol.IPIP -> {
        if (wholeDatagram) {
          ipv4(buffer, headers, depth + 1);
        }
      }
      default -> {}
    }
  }

  private static void udp(
      ByteBuffer buffer, List<Header> headers, int depth, boolean wholeDatagram) {
    int start = buffer.position();
    UdpHeader udp = UdpHeader.read(buffer);
    headers.add(udp);
    if (!wholeDatagram) {
      return;
    }
    if (start + udp.length() > buffer.limit()) {
      buffer.position(start);
      throw MalformedPacketException.at(
          buffer, "UDP header", "length " + udp.length() + " exceeds the IPv4 payload");
    }
    buffer.limit(start + udp.length());
    int port = udp.destinationPort();
    if (port == VxlanHeader.IANA_PORT || port == VxlanHeader.LINUX_DEFAULT_PORT) {
      headers.add(VxlanHeader.read(buffer));
      ethernet(buffer, headers, depth + 1);
    } else if (port == GeneveHeader.IANA_PORT) {
      GeneveHeader geneve = GeneveHeader.read(buffer);
      headers.add(geneve);
      if (geneve.protocolType() == EtherType.TRANSPARENT_ETHERNET_BRIDGING) {
        ethernet(buffer, headers, depth + 1);
      }
    }
  }

  private static void checkDepth(ByteBuffer buffer, int depth) {
    if (depth > MAXIMUM_NESTING) {
      throw MalformedPacketException.at(
          buffer, "frame", "headers nested deeper than " + MAXIMUM_NESTING);
    }
  }
}
