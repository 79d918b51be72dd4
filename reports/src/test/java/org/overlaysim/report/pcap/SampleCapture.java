package org.overlaysim.report.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.overlaysim.overlay.dataplane.Fragments;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.FrameRenderer;
import org.overlaysim.overlay.dataplane.OuterDontFragment;
import org.overlaysim.overlay.dataplane.Tunnel;
import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.GeneveHeader;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.TcpHeader;
import org.overlaysim.overlay.packet.VxlanHeader;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

/**
 * Frames a two-site overlay puts on the wire, as the data plane renders them ({@link Tunnel}
 * encapsulates a {@link Frame}, {@link Fragments} splits it, {@link FrameRenderer} writes its
 * bytes): VXLAN with an ICMP echo request and with a flooded ARP request inside, Geneve with an
 * echo reply, a container's ARP reply, a TCP SYN of a routed overlay without encapsulation, the
 * ICMP fragmentation-needed a router sends about a VXLAN datagram, and a VXLAN datagram fragmented
 * on a 1400-byte path.
 */
final class SampleCapture {
  static final int VTEP_A = ip("192.168.1.10");
  static final int VTEP_B = ip("192.168.2.10");
  static final int ROUTER_IP = ip("192.168.1.1");
  static final int CONTAINER_1 = ip("10.0.0.1");
  static final int CONTAINER_2 = ip("10.0.0.2");
  static final long HOST_A = 0x5254_0000_010aL;
  static final long ROUTER = 0x5254_0000_0101L;
  static final long CONTAINER_1_MAC = 0x0242_0a00_0001L;
  static final long CONTAINER_2_MAC = 0x0242_0a00_0002L;
  static final long BROADCAST = 0xffff_ffff_ffffL;
  static final int VXLAN_VNI = 4096;
  static final int GENEVE_VNI = 10;

  private static final FrameRenderer RENDERER = new FrameRenderer();

  private SampleCapture() {}

  private static int ip(String text) {
    return Ipv4.parse(text).bits();
  }

  /** Writes the sample frames, 1 ms apart; returns how many. */
  static int write(OutputStream out) throws IOException {
    List<byte[]> frames = new ArrayList<>();
    frames.add(
        underlay(vxlan(echo(IcmpMessage.TYPE_ECHO_REQUEST, CONTAINER_1, CONTAINER_2, 1, 56))));
    frames.add(underlay(vxlan(arpRequest())));
    frames.add(
        underlay(geneve(echo(IcmpMessage.TYPE_ECHO_REPLY, CONTAINER_2, CONTAINER_1, 1, 56))));
    frames.add(RENDERER.inner(arpReply()));
    frames.add(underlay(tcpSyn()));
    frames.add(underlay(fragmentationNeeded()));
    Frame big = vxlan(echo(IcmpMessage.TYPE_ECHO_REQUEST, CONTAINER_1, CONTAINER_2, 2, 1422));
    for (Frame fragment : Fragments.outer(big, 1400)) {
      frames.add(underlay(fragment));
    }
    try (PcapWriter writer = new PcapWriter(out)) {
      long timeNs = 1_000_000_000L;
      for (byte[] frame : frames) {
        writer.write(timeNs, frame, 0, frame.length);
        timeNs += 1_000_000L;
      }
    }
    return frames.size();
  }

  /** An ICMP echo between the containers, id 0x4242, as ping sends it (DF set). */
  static Frame echo(int type, int source, int destination, int sequence, int data) {
    Frame f = new Frame();
    f.srcMac = source == CONTAINER_1 ? CONTAINER_1_MAC : CONTAINER_2_MAC;
    f.dstMac = source == CONTAINER_1 ? CONTAINER_2_MAC : CONTAINER_1_MAC;
    f.srcIp = source;
    f.dstIp = destination;
    f.ipId = 7;
    f.df = true;
    return f.icmp(type, 0, 0x4242 << 16 | sequence, data);
  }

  static Frame arpRequest() {
    return arp(
        ArpPacket.OPERATION_REQUEST, CONTAINER_1_MAC, CONTAINER_1, 0, CONTAINER_2, BROADCAST);
  }

  static Frame arpReply() {
    return arp(
        ArpPacket.OPERATION_REPLY,
        CONTAINER_2_MAC,
        CONTAINER_2,
        CONTAINER_1_MAC,
        CONTAINER_1,
        CONTAINER_1_MAC);
  }

  private static Frame arp(
      int op, long senderMac, int senderIp, long targetMac, int targetIp, long destination) {
    Frame f = new Frame();
    f.etherType = EtherType.ARP;
    f.srcMac = senderMac;
    f.dstMac = destination;
    f.arp =
        new ArpPacket(
            op,
            new MacAddress(senderMac),
            new Ipv4(senderIp),
            new MacAddress(targetMac),
            new Ipv4(targetIp));
    return f;
  }

  static Frame vxlan(Frame inner) {
    new Tunnel.Udp(Frame.TUNNEL_VXLAN, VXLAN_VNI, VxlanHeader.IANA_PORT, OuterDontFragment.UNSET)
        .encapsulate(inner, VTEP_A, VTEP_B, 0x1000);
    return inner;
  }

  static Frame geneve(Frame inner) {
    new Tunnel.Udp(Frame.TUNNEL_GENEVE, GENEVE_VNI, GeneveHeader.IANA_PORT, OuterDontFragment.UNSET)
        .encapsulate(inner, VTEP_B, VTEP_A, 0x2000);
    return inner;
  }

  /** A frame as host A sends it to its router. */
  static byte[] underlay(Frame f) {
    return RENDERER.outer(f, HOST_A, ROUTER);
  }

  /** A Linux SYN (MSS 1410, timestamps, window scale) crossing the underlay untunnelled. */
  static Frame tcpSyn() {
    Frame f = new Frame();
    f.srcIp = VTEP_A;
    f.dstIp = VTEP_B;
    f.ipId = 0x3000;
    f.df = true;
    f.tcp(45678, 5201, 40, 0);
    f.tcpFlags = TcpHeader.SYN;
    f.tcpMss = 1410;
    f.tcpWindow = 64240;
    f.tsVal = 12_345_000_000L;
    new Tunnel.Direct().encapsulate(f, VTEP_A, VTEP_B, 0);
    return f;
  }

  /** The router's fragmentation-needed (next-hop MTU 1400) about a 1500-byte VXLAN datagram. */
  static Frame fragmentationNeeded() {
    Frame tooBig = vxlan(echo(IcmpMessage.TYPE_ECHO_REQUEST, CONTAINER_1, CONTAINER_2, 3, 1422));
    Frame f = new Frame();
    f.srcIp = ROUTER_IP;
    f.dstIp = VTEP_A;
    f.ipId = 0x4000;
    return f.icmpError(
        IcmpMessage.TYPE_DESTINATION_UNREACHABLE,
        IcmpMessage.CODE_FRAGMENTATION_NEEDED,
        1400,
        IcmpMessage.LINUX_MAXIMUM_QUOTE,
        tooBig);
  }
}
