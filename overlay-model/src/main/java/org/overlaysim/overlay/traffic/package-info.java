/**
 * Traffic generators of the scenario's {@code traffic} list, run on the containers' stacks: ping
 * (ICMP echo, RTT samples), udp (constant bit rate, one-way delay samples), tcp ({@link
 * org.overlaysim.overlay.traffic.TcpBulkFlow} over {@link
 * org.overlaysim.overlay.traffic.TcpConnection}: TCP with Linux's algorithms, CUBIC or Reno behind
 * {@link org.overlaysim.overlay.traffic.CongestionControl}, SACK, RACK-TLP and PRR; one-way delay
 * per in-order segment), request-response ({@link
 * org.overlaysim.overlay.traffic.RequestResponseFlow}, one TCP connection per client,
 * request-to-response samples) and probe ({@link org.overlaysim.overlay.traffic.ProbeFlow}: real
 * SYN/UDP/SCTP probes whose results go to {@code NetworkObserver.probeResult}). A group endpoint is
 * paired by {@link org.overlaysim.overlay.traffic.EndpointPairing}. Servers listen through {@link
 * org.overlaysim.overlay.traffic.TcpListener} and {@link
 * org.overlaysim.overlay.traffic.UdpResponder}, bound to the container's transport demultiplexer
 * ({@code ContainerStack.bind}); client ports are taken from 32769 up (32768 is the probes').
 */
package org.overlaysim.overlay.traffic;
