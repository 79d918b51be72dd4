package org.overlaysim.overlay.packet;

/**
 * A deterministic hash of the flow an Ethernet frame belongs to, for the outer UDP source port of
 * VXLAN/Geneve and for ECMP. As Linux's flow dissector: IPv4 TCP/UDP hash the 5-tuple; other IPv4
 * and every fragment hash addresses and protocol only (so all fragments of a datagram agree); a
 * frame that is not IPv4 hashes its Ethernet addresses and type (udp_flow_src_port's fallback).
 * Linux keys its hash with a random secret per boot; here the seed is explicit so runs repeat. The
 * mixing function is Bob Jenkins' lookup3 final mix, Linux's jhash_3words.
 */
public final class FlowHash {
  private static final int JHASH_INITVAL = 0xdeadbeef;

  private FlowHash() {}

  /** Hash of the Ethernet frame starting at {@code offset} of {@code packet}. */
  public static int ofEthernetFrame(Packet packet, int offset, int seed) {
    int type = packet.u16At(offset + EthernetHeader.TYPE_OFFSET);
    int l3 = offset + EthernetHeader.LENGTH;
    if (type == EtherType.VLAN && packet.realLength() >= offset + EthernetHeader.LENGTH + 4) {
      type = packet.u16At(offset + EthernetHeader.TYPE_OFFSET + 4);
      l3 += EthernetHeader.VLAN_TAG_LENGTH;
    }
    if (type == EtherType.IPV4 && packet.realLength() >= l3 + Ipv4Header.MINIMUM_LENGTH) {
      return ofIpv4Packet(packet, l3, seed);
    }
    int a = packet.u16At(offset) << 16 | packet.u16At(offset + 2);
    int b = packet.u16At(offset + 4) << 16 | packet.u16At(offset + 6);
    int c = packet.u16At(offset + 8) << 16 | packet.u16At(offset + 10);
    return jhash3(a, b, c, seed + type);
  }

  /** Hash of the IPv4 packet starting at {@code offset} of {@code packet}. */
  public static int ofIpv4Packet(Packet packet, int offset, int seed) {
    int headerLength = (packet.byteAt(offset) & 0xf) * 4;
    int protocol = packet.byteAt(offset + Ipv4Header.PROTOCOL_OFFSET);
    int source = packet.u16At(offset + 12) << 16 | packet.u16At(offset + 14);
    int destination = packet.u16At(offset + 16) << 16 | packet.u16At(offset + 18);
    boolean fragment = (packet.u16At(offset + Ipv4Header.FLAGS_FRAGMENT_OFFSET) & 0x3fff) != 0;
    int ports = 0;
    boolean hasPorts = protocol == IpProtocol.TCP || protocol == IpProtocol.UDP;
    if (hasPorts && !fragment && packet.length() >= offset + headerLength + 4) {
      ports = packet.u16At(offset + headerLength) << 16 | packet.u16At(offset + headerLength + 2);
    }
    return jhash3(source, destination, ports, seed + protocol);
  }

  /** Linux's jhash_3words (include/linux/jhash.h). */
  public static int jhash3(int a, int b, int c, int initval) {
    int init = JHASH_INITVAL + (3 << 2) + initval;
    a += init;
    b += init;
    c += init;
    c ^= b;
    c -= Integer.rotateLeft(b, 14);
    a ^= c;
    a -= Integer.rotateLeft(c, 11);
    b ^= a;
    b -= Integer.rotateLeft(a, 25);
    c ^= b;
    c -= Integer.rotateLeft(b, 16);
    a ^= c;
    a -= Integer.rotateLeft(c, 4);
    b ^= a;
    b -= Integer.rotateLeft(a, 14);
    c ^= b;
    c -= Integer.rotateLeft(b, 24);
    return c;
  }
}
