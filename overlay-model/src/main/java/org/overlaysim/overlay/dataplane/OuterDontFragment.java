package org.overlaysim.overlay.dataplane;

/**
 * The DF bit of the outer IPv4 header a VXLAN or Geneve VTEP sends, as Linux's {@code ip link add
 * ... type vxlan df unset|set|inherit} (overlay-reference.md: Linux's default is unset, so routers
 * fragment outer packets over smaller links and the inner path MTU is never lowered by them).
 */
public enum OuterDontFragment {
  /** DF clear (Linux's default): routers fragment, the receiving host reassembles. */
  UNSET,
  /** DF always set: routers answer ICMP fragmentation-needed to the VTEP. */
  SET,
  /** DF copied from the inner IPv4 packet (clear for ARP). */
  INHERIT;

  /** The outer DF bit for an inner packet with {@code innerDf}. */
  public boolean outerDf(boolean innerDf) {
    return switch (this) {
      case UNSET -> false;
      case SET -> true;
      case INHERIT -> innerDf;
    };
  }
}
