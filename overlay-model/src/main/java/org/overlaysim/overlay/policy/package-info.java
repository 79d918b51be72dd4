/**
 * Segmentation: VNI isolation, host VTEP ACLs, Kubernetes NetworkPolicy and connection tracking.
 *
 * <p>Order of checks for a new connection, hop by hop, the first denial deciding: {@code
 * vni-mismatch} (containers in different overlays); at each host crossed, its VTEP's stateless ACL
 * ({@link org.overlaysim.overlay.policy.AclChain}, {@code acl-deny}) before the pod's NetworkPolicy
 * ({@link org.overlaysim.overlay.policy.PolicyEngine}, {@code policy-deny}: egress at the source's
 * host, ingress at the destination's). Packets of a tracked connection ({@link
 * org.overlaysim.overlay.policy.ConnectionTracker}) skip the policies but not the ACLs. {@link
 * org.overlaysim.overlay.policy.HostSegmentation} enforces this per packet and host; {@link
 * org.overlaysim.overlay.policy.Reachability} computes the same truth for probes.
 *
 * <p>Choices where Kubernetes leaves room to the network plugin, documented here once:
 *
 * <ul>
 *   <li>An ipBlock matches by the peer's address, pod addresses included (Calico); with the
 *       scenario's {@code ipBlockMatchesPods: false} it matches no pod (Cilium).
 *   <li>A rule without ports allows every protocol, ICMP included; a rule with ports only the
 *       protocols it names (TCP, UDP, SCTP).
 *   <li>A named port matches a container port of the destination pod with that name and the rule's
 *       protocol (for ingress the selected pod, for egress the peer); a destination that is no pod
 *       never matches a named port.
 *   <li>Containers on one host reach each other through the host's bridge without crossing its
 *       VTEP, so VTEP ACLs do not apply between them.
 * </ul>
 *
 * <p>Scale: selectors are evaluated per pod class (distinct namespace and labels), not per
 * container; each class keeps the policy ids selecting it per direction; peer selectors compile to
 * class sets (sorted array or bitset, whichever is smaller). Per container the engine keeps three
 * ints (class, address, overlay) and a name-index entry. Verdicts are memoised in bounded
 * direct-mapped caches (64 Ki entries per direction by default, 12 bytes each).
 */
package org.overlaysim.overlay.policy;
