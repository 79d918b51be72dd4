package org.overlaysim.scenario;

/**
 * One entry of {@code traffic}. {@link #name()} is the {@code flow} in reports; times are from the
 * start of the run, {@code stopNs} is at most the scenario duration.
 */
public sealed interface TrafficSpec
    permits PingTraffic, UdpTraffic, TcpTraffic, RequestResponseTraffic, ProbeTraffic {

  String name();

  /** The {@code kind} key: ping, udp, tcp, request-response, probe. */
  String kind();

  long startNs();

  long stopNs();
}
