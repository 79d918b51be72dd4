/**
 * Traffic generators of the scenario's {@code traffic} list that the data plane runs itself: ping
 * (ICMP echo, RTT samples) and udp (constant bit rate, one-way delay samples). A group endpoint is
 * paired by {@link org.overlaysim.overlay.traffic.EndpointPairing}.
 */
package org.overlaysim.overlay.traffic;
