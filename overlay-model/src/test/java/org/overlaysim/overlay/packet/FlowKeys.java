package org.overlaysim.overlay.packet;

/**
 * The flow hash of a frame read from its bytes, as Linux's flow dissector keys it for
 * udp_flow_src_port: IPv4 TCP/UDP hash addresses, ports and protocol; other IPv4 and every fragment
 * hash addresses and protocol only; a frame that is not IPv4 hashes its Ethernet addresses and
 * type. The data plane hashes a {@code Frame}'s fields instead; the tests hold it to this.
 */
public final class FlowKeys {
  private FlowKeys() {}

  private static int u16(byte[] b, int offset) {
    return (b[offset] & 0xff) << 8 | (b[offset + 1] & 0xff);
  }

  private static int u32(byte[] b, int offset) {
    return u16(b, offset) << 16 | u16(b, offset + 2);
  }

  /** Hash of the Ethernet frame starting at {@code offset}. */
  public static int ofEthernetFrame(byte[] b, int offset) {
    int type = u16(b, offset + EthernetHeader.TYPE_OFFSET);
    int l3 = offset + EthernetHeader.LENGTH;
    if (type == EtherType.VLAN) {
      type = u16(b, offset + EthernetHeader.TYPE_OFFSET + EthernetHeader.VLAN_TAG_LENGTH);
      l3 += EthernetHeader.VLAN_TAG_LENGTH;
    }
    if (type == EtherType.IPV4) {
      return ofIpv4Packet(b, l3);
    }
    return FlowHash.jhash3(u32(b, offset), u32(b, offset + 4), u32(b, offset + 8), type);
  }

  /** Hash of the IPv4 packet starting at {@code offset}. */
  public static int ofIpv4Packet(byte[] b, int offset) {
    int headerLength = (b[offset] & 0xf) * 4;
    int protocol = b[offset + Ipv4Header.PROTOCOL_OFFSET] & 0xff;
    boolean fragment = (u16(b, offset + Ipv4Header.FLAGS_FRAGMENT_OFFSET) & 0x3fff) != 0;
    boolean hasPorts = protocol == IpProtocol.TCP || protocol == IpProtocol.UDP;
    int ports = hasPorts && !fragment ? u32(b, offset + headerLength) : 0;
    return FlowHash.jhash3(u32(b, offset + 12), u32(b, offset + 16), ports, protocol);
  }
}
