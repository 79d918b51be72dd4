package org.overlaysim.topology;

/** A tunnel between the VTEPs of two hosts that both serve a VNI (an edge of the overlay graph). */
public record VtepTunnel(Host a, Host b, int vni) {
  public VtepTunnel {
    OverlayMembership.checkVni(vni);
    if (a.equals(b)) {
      throw new IllegalArgumentException("tunnel from " + a.name() + " to itself");
    }
  }

  @Override
  public String toString() {
    return a.name() + "<->" + b.name() + "@" + vni;
  }
}
