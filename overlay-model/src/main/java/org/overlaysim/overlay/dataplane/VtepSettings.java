package org.overlaysim.overlay.dataplane;

/**
 * How VTEPs behave per packet: the processing time a VTEP adds per packet when it encapsulates and
 * when it decapsulates, so the latency an overlay adds is visible. Routed overlays without a tunnel
 * ({@code none}) pay neither.
 *
 * <p>Defaults: an overlay makes each packet traverse the kernel network stack twice on the sender
 * and twice on the receiver (Zhuo et al., "Slim: OS Kernel Support for a Low-Overhead Container
 * Overlay Network", USENIX NSDI 2019, section 2), and one traversal of the Linux stack (vxlan
 * device, UDP, IP, a second routing decision) costs a few microseconds on a current server core. 3
 * us per side is an estimate of that order, not a measurement of a particular machine; set it from
 * your own measurement (e.g. ping RTT over the overlay minus over the host network, halved).
 *
 * @param encapsulationNs delay from a frame reaching the VTEP to its outer packet on the wire
 * @param decapsulationNs delay from an outer packet arriving to the inner frame on the bridge
 * @param outerDf the outer DF bit of VXLAN and Geneve packets (Linux default: unset)
 */
public record VtepSettings(long encapsulationNs, long decapsulationNs, OuterDontFragment outerDf) {
  /** 3 us each way (see the class comment for where that comes from). */
  public static final VtepSettings DEFAULT =
      new VtepSettings(3_000, 3_000, OuterDontFragment.UNSET);

  /** No processing cost: the overlay adds only its bytes. */
  public static final VtepSettings NONE = new VtepSettings(0, 0, OuterDontFragment.UNSET);

  /** The same settings with another outer DF setting. */
  public VtepSettings withOuterDf(OuterDontFragment value) {
    return new VtepSettings(encapsulationNs, decapsulationNs, value);
  }

  public VtepSettings {
    if (encapsulationNs < 0 || decapsulationNs < 0) {
      throw new IllegalArgumentException(
          "VTEP costs must be non-negative: " + encapsulationNs + ", " + decapsulationNs);
    }
    if (outerDf == null) {
      throw new IllegalArgumentException("outerDf must not be null");
    }
  }
}
