/**
 * The overlay data plane behind {@link org.overlaysim.overlay.OverlayNetwork}: container stacks,
 * host stacks (a bridge per overlay and the VTEP), and the routers' part of PMTUD, on top of the
 * topology module's {@code UnderlayNetwork}.
 *
 * <p>A packet is a {@link org.overlaysim.overlay.dataplane.Frame}: header fields as ints, payload
 * as a length, simulation tags beside them; {@link org.overlaysim.overlay.dataplane.FrameRenderer}
 * produces the real bytes (with the packet codecs) only for captures.
 *
 * <p>Paths (overlay-reference.md):
 *
 * <ul>
 *   <li>container: path MTU = min(interface MTU, learnt PMTU); larger with DF is refused ({@code
 *       mtu-exceeded} at the container), without DF fragmented. ARP: static and EVPN overlays are
 *       answered by the VTEP's proxy from the shared directory; flood-and-learn resolves by
 *       broadcast (3 tries, 1 s apart); routed overlays send to the gateway MAC.
 *   <li>bridge (vxlan, geneve): a frame above the overlay MTU is dropped silently ({@code
 *       <host>/bridge}); local MACs are delivered directly; otherwise the VTEP's forwarding table
 *       gives the remote VTEP, or floods (flood-and-learn) or drops ({@code no-fdb}).
 *   <li>host routing (ipip, none): by inner address through the directory; above the tunnel MTU or
 *       the learnt route MTU with DF: ICMP fragmentation-needed back to the container.
 *   <li>VTEP: outer header; above the known path MTU to the remote VTEP: bridged + inner DF: ICMP
 *       with path MTU - 50 to the container; bridged without DF: outer fragmented; routed: route
 *       MTU lowered (600 s), this packet sent with its outer datagram fragmented. Then the
 *       encapsulation cost, then the access link.
 *   <li>routers: an oversized packet with DF on the wire gets ICMP fragmentation-needed with the
 *       next-hop MTU; without DF it is fragmented. Outer DF: vxlan/geneve per {@link
 *       org.overlaysim.overlay.dataplane.OuterDontFragment} (Linux default unset), ipip copies the
 *       inner DF.
 *   <li>receiving host: outer reassembly, decapsulation cost, VNI check ({@code vni-mismatch}),
 *       learning, bridge; container: reassembly, echo replies, then TCP, UDP and SCTP by
 *       destination port to a bound {@link org.overlaysim.overlay.dataplane.TransportHandler} (UDP
 *       without one: measured as delivered).
 *   <li>drops: every drop goes to the observer and, if the frame carries one, to its {@link
 *       org.overlaysim.overlay.dataplane.FrameDropListener} (how a probe learns its fate);
 *       segmentation sees the real TCP flags and records its verdicts on the frame.
 * </ul>
 *
 * <p>Simplifications: reassembly counts payload bytes per datagram (no 30 s timeout, no overlap
 * checks: the model never produces overlaps); flood-and-learn entries age lazily; container
 * neighbour entries never expire; routers have no addresses of their own (ICMP errors come from
 * 100.64.0.0/10); EVPN routes are counted, not carried on the underlay.
 */
package org.overlaysim.overlay.dataplane;
