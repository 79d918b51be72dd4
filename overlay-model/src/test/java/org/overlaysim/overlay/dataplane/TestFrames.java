package org.overlaysim.overlay.dataplane;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.GeneveHeader;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.VxlanHeader;
import org.overlaysim.scenario.Ipv4;

/** Frames as the data plane builds them, and their rendered bytes read back with the codecs. */
final class TestFrames {
  static final int CONTAINER_1 = Ipv4.parse("10.0.0.1").bits();
  static final int CONTAINER_2 = Ipv4.parse("10.0.0.2").bits();
  static final long MAC_1 = 0x0242_0a00_0001L;
  static final long MAC_2 = 0x0242_0a00_0002L;
  static final int VTEP_A = Ipv4.parse("192.168.1.10").bits();
  static final int VTEP_B = Ipv4.parse("192.168.2.10").bits();
  static final long HOST_A_MAC = FrameRenderer.hostMac(VTEP_A);
  static final long ROUTER_MAC = FrameRenderer.routerMac(0);
  static final FrameRenderer RENDERER = new FrameRenderer();

  static final Tunnel VXLAN =
      new Tunnel.Udp(Frame.TUNNEL_VXLAN, 4096, VxlanHeader.IANA_PORT, OuterDontFragment.UNSET);
  static final Tunnel GENEVE =
      new Tunnel.Udp(Frame.TUNNEL_GENEVE, 10, GeneveHeader.IANA_PORT, OuterDontFragment.UNSET);
  static final Tunnel IPIP = new Tunnel.IpInIp();

  private TestFrames() {}

  /** An IPv4 frame from container 1 to container 2, identification 0x1234, TTL 64, DF clear. */
  static Frame ipv4() {
    Frame f = new Frame();
    f.srcMac = MAC_1;
    f.dstMac = MAC_2;
    f.srcIp = CONTAINER_1;
    f.dstIp = CONTAINER_2;
    f.ipId = 0x1234;
    return f;
  }

  /** A UDP datagram of {@code totalLength} bytes (IPv4 header included) to port 5001. */
  static Frame udp(int sourcePort, int totalLength) {
    return ipv4().udp(sourcePort, 5001, totalLength - 28);
  }

  /** {@code f} encapsulated from VTEP A to VTEP B with outer identification {@code outerId}. */
  static Frame encapsulated(Tunnel tunnel, Frame f, int outerId) {
    tunnel.encapsulate(f, VTEP_A, VTEP_B, outerId);
    return f;
  }

  /** The IPv4 datagram (or fragment) host A puts on its access link, without Ethernet. */
  static byte[] onWire(Frame f) {
    byte[] frame = RENDERER.outer(f, HOST_A_MAC, ROUTER_MAC);
    int length = Ipv4Header.read(ByteBuffer.wrap(frame, EthernetHeader.LENGTH, 20)).totalLength();
    return Arrays.copyOfRange(frame, EthernetHeader.LENGTH, EthernetHeader.LENGTH + length);
  }

  /** The inner IPv4 datagram (or fragment), as on a container interface, without Ethernet. */
  static byte[] innerDatagram(Frame f) {
    byte[] frame = RENDERER.inner(f);
    int length = Ipv4Header.read(ByteBuffer.wrap(frame, EthernetHeader.LENGTH, 20)).totalLength();
    return Arrays.copyOfRange(frame, EthernetHeader.LENGTH, EthernetHeader.LENGTH + length);
  }

  static Ipv4Header ip(byte[] datagram) {
    return Ipv4Header.read(ByteBuffer.wrap(datagram));
  }

  /** RFC 791 reassembly of rendered fragments: the data of each at its offset (any order). */
  static byte[] payloadOf(byte[]... fragments) {
    int end = 0;
    for (byte[] fragment : fragments) {
      Ipv4Header h = ip(fragment);
      end = Math.max(end, h.fragmentOffsetBytes() + h.payloadLength());
    }
    byte[] payload = new byte[end];
    for (byte[] fragment : fragments) {
      Ipv4Header h = ip(fragment);
      System.arraycopy(
          fragment, h.headerLength(), payload, h.fragmentOffsetBytes(), h.payloadLength());
    }
    return payload;
  }
}
