/**
 * Forwarding databases of a VTEP, one per VNI: {@link
 * org.overlaysim.overlay.fdb.StaticForwardingTable} (Docker, Flannel), {@link
 * org.overlaysim.overlay.fdb.LearningForwardingTable} (Linux vxlan flood-and-learn), {@link
 * org.overlaysim.overlay.fdb.EvpnForwardingTable} (BGP EVPN with a convergence delay). Static and
 * EVPN tables are views of one shared directory, so their cost does not grow with the cluster.
 */
package org.overlaysim.overlay.fdb;
