package org.overlaysim.overlay.packet;

/**
 * The range outer UDP source ports of VXLAN and Geneve are drawn from, both bounds inclusive. A
 * port is picked from a hash of the inner flow so one flow keeps one port (no reordering) while
 * flows spread over ECMP paths (RFC 7348 section 5).
 */
public record SourcePortRange(int min, int max) {
  /** RFC 7348 section 5 recommends the dynamic/private range; our default. */
  public static final SourcePortRange RFC_7348 = new SourcePortRange(49152, 65535);

  /** Linux's default (net.ipv4.ip_local_port_range), used by its vxlan and geneve drivers. */
  public static final SourcePortRange LINUX = new SourcePortRange(32768, 60999);

  public SourcePortRange {
    Wire.requireRange("minimum source port", min, 1, 0xffff);
    Wire.requireRange("maximum source port", max, min, 0xffff);
  }

  /**
   * The port for a flow hash, as Linux's udp_flow_src_port: fold the low half into the high half
   * (only the upper bits matter for the multiply), then scale into the range.
   */
  public int portFor(int flowHash) {
    long hash = (flowHash ^ (flowHash << 16)) & 0xffff_ffffL;
    long span = (long) max - min + 1;
    return (int) ((hash * span) >>> 32) + min;
  }

  public boolean contains(int port) {
    return port >= min && port <= max;
  }
}
