package org.overlaysim.scenario;

/** How VTEPs learn where a container's MAC address lives. */
public enum ControlPlane {
  /** Docker overlay, Flannel: permanent neighbour and FDB entries pushed to every VTEP. */
  STATIC("static"),
  /** Linux vxlan default: BUM head-end replication to every VTEP, MAC learning with ageing. */
  FLOOD_AND_LEARN("flood-and-learn"),
  /** BGP EVPN: routes distributed to every VTEP after a convergence delay. */
  EVPN("evpn");

  private final String yamlName;

  ControlPlane(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static ControlPlane fromYaml(String name) {
    for (ControlPlane value : values()) {
      if (value.yamlName.equals(name)) {
        return value;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
