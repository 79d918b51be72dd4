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
 * @param optionsBytes Geneve option bytes every packet carries (0-252, a multiple of 4; OVN sends
 *     8: one 4-byte option header and 4 bytes of data); 0 for every other encapsulation
 * @param encryption what encrypts the tunnel's packets on the underlay ({@link Encryption})
 * @param cryptoRateBps bits one core encrypts or decrypts per second with this overlay's cipher; 0
 *     without encryption
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
    long convergenceNs,
    int optionsBytes,
    Encryption encryption,
    long cryptoRateBps) {

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
    Checks.range(optionsBytes, 0, MAX_OPTIONS_BYTES, "optionsBytes");
    Objects.requireNonNull(encryption, "encryption");
    if (encryption == Encryption.NONE ? cryptoRateBps != 0 : cryptoRateBps <= 0) {
      throw new IllegalArgumentException("an encrypted overlay has a crypto rate, no other does");
    }
    if (optionsBytes % 4 != 0 || (optionsBytes > 0 && encapsulation != Encapsulation.GENEVE)) {
      throw new IllegalArgumentException(
          "optionsBytes must be a multiple of 4, and only geneve carries options");
    }
  }

  /** Geneve's options length field counts 4-byte words in 6 bits: at most 63 words. */
  public static final int MAX_OPTIONS_BYTES = 252;

  /**
   * Bytes the tunnel adds on the underlay over IPv4, outer Ethernet header included: the
   * encapsulation's own ({@link Encapsulation#overheadBytes()}) plus Geneve's options.
   */
  public int overheadBytes() {
    return encapsulation.overheadBytes() + optionsBytes;
  }

  /**
   * The MTU {@code mtu: auto} gives on hosts of {@code hostMtu}: what encryption leaves of the link
   * ({@link Encryption#largestSealed}) less the tunnel's overhead.
   */
  public static int autoMtu(
      int hostMtu, Encapsulation encapsulation, int optionsBytes, Encryption encryption) {
    return encryption.largestSealed(hostMtu, encapsulation)
        - encapsulation.overheadBytes()
        - optionsBytes;
  }

  /** How its packets travel, as the format names it: {@code vxlan}, {@code none + wireguard}. */
  public String tunnelDescription() {
    return encryption == Encryption.NONE
        ? encapsulation.yamlName()
        : encapsulation.yamlName() + " + " + encryption.yamlName();
  }

  /** The gateway address Docker reserves: the first address of the subnet. */
  public Ipv4 gateway() {
    return subnet.network().plus(1);
  }
}
