package org.overlaysim.topology;

import org.overlaysim.scenario.Ipv4;

/** A bare outer packet for tests: addresses, ports and a TTL, no bytes. */
final class TestPacket implements UnderlayPacket {
  final int id;
  final int length;
  final int src;
  final int dst;
  final int srcPort;
  int ttl;

  TestPacket(int id, int length, int src, int dst, int srcPort, int ttl) {
    this.id = id;
    this.length = length;
    this.src = src;
    this.dst = dst;
    this.srcPort = srcPort;
    this.ttl = ttl;
  }

  /** A VXLAN-like UDP packet (destination port 4789) with TTL 64. */
  static TestPacket udp(int id, int length, String src, String dst, int srcPort) {
    return new TestPacket(id, length, Ipv4.parse(src).bits(), Ipv4.parse(dst).bits(), srcPort, 64);
  }

  @Override
  public int ipLength() {
    return length;
  }

  @Override
  public int srcIpv4() {
    return src;
  }

  @Override
  public int dstIpv4() {
    return dst;
  }

  @Override
  public int protocol() {
    return 17;
  }

  @Override
  public int srcPort() {
    return srcPort;
  }

  @Override
  public int dstPort() {
    return 4789;
  }

  @Override
  public int decrementTtl() {
    return --ttl;
  }

  @Override
  public String toString() {
    return "packet " + id;
  }
}
