package org.overlaysim.scenario;

import java.util.Objects;

/**
 * An overlay network joining containers across hosts.
 *
 * @param vni the 24-bit VNI; 0 when the encapsulation carries none and none was given
 * @param udpPort outer UDP destination port; 0 for ipip and none
 * @param mtu inner (container side) MTU, {@code auto} already resolved
 * @param fdbAgeingNs ageing of learnt forwarding entries (Linux vxlan: 300 s)
 * @param convergenceNs delay before an EVPN route reaches the other VTEPs
 */
public record Overlay(
    String name,
    int vni,
    Cidr subnet,
    Encapsulation encapsulation,
    int udpPort,
    ControlPlane controlPlane,
    int mtu,
    long fdbAgeingNs,
    long convergenceNs) {

  public static final int MAX_VNI = 16_777_215;
  public static final long DEFAULT_FDB_AGEING_NS = 300_000_000_000L;
  public static final long DEFAULT_CONVERGENCE_NS = 1_000_000_000L;

  public Overlay {
    Checks.name(name, "overlay name");
    Checks.range(vni, 0, MAX_VNI, "vni");
    Objects.requireNonNull(subnet, "subnet");
    Objects.requireNonNull(encapsulation, "encapsulation");
    Checks.range(udpPort, 0, 65535, "udpPort");
    Objects.requireNonNull(controlPlane, "controlPlane");
    Checks.range(mtu, 68, 65535, "mtu");
    Checks.positive(fdbAgeingNs, "fdbAgeing");
    Checks.nonNegative(convergenceNs, "convergence");
  }

  /** The gateway address Docker reserves: the first address of the subnet. */
  public Ipv4 gateway() {
    return subnet.network().plus(1);
  }
}
