package org.overlaysim.scenario;

/** How an overlay carries container frames over the underlay. */
public enum Encapsulation {
  /** RFC 7348: outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
  VXLAN("vxlan", 50, 4789, true),
  /** RFC 8926 without options: outer Ethernet 14 + IPv4 20 + UDP 8 + Geneve 8. */
  GENEVE("geneve", 50, 6081, true),
  /** RFC 2003: one outer IPv4 header, no VNI (Calico's IPIP mode). */
  IPIP("ipip", 20, 0, false),
  /** Routed, no tunnel: container addresses travel on the underlay as they are. */
  NONE("none", 0, 0, false);

  private final String yamlName;
  private final int overheadBytes;
  private final int defaultUdpPort;
  private final boolean carriesVni;

  Encapsulation(String yamlName, int overheadBytes, int defaultUdpPort, boolean carriesVni) {
    this.yamlName = yamlName;
    this.overheadBytes = overheadBytes;
    this.defaultUdpPort = defaultUdpPort;
    this.carriesVni = carriesVni;
  }

  public String yamlName() {
    return yamlName;
  }

  /** Bytes added on the underlay over IPv4; {@code mtu: auto} subtracts this. */
  public int overheadBytes() {
    return overheadBytes;
  }

  /** 4789 (IANA) for vxlan, 6081 for geneve, 0 where no UDP is used. */
  public int defaultUdpPort() {
    return defaultUdpPort;
  }

  public boolean carriesVni() {
    return carriesVni;
  }

  public static Encapsulation fromYaml(String name) {
    for (Encapsulation value : values()) {
      if (value.yamlName.equals(name)) {
        return value;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
