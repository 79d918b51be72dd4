package org.overlaysim.overlay.packet;

/** The outer addresses of a tunnel: local and remote VTEP, and the UDP destination port. */
public record TunnelEndpoints(Ipv4Address local, Ipv4Address remote, int udpDestinationPort) {
  public TunnelEndpoints {
    if (local == null || remote == null) {
      throw new IllegalArgumentException("tunnel endpoint addresses must not be null");
    }
    Wire.requireRange("UDP destination port", udpDestinationPort, 0, 0xffff);
  }
}
