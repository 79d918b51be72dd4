package org.overlaysim.scenario;

/**
 * A bulk TCP transfer.
 *
 * @param bytes application bytes to send; 0 means send until {@code stopNs}
 * @param windowBytes fixed receive window; 0 means as Linux: window scaling and timestamps on,
 *     receive buffer autotuned up to 6 MiB
 * @param congestionControl the senders' congestion control
 * @param traceIntervalNs sample interval of the tcp.csv trace; 0 for none
 */
public record TcpTraffic(
    String name,
    Endpoint from,
    Endpoint to,
    int port,
    long bytes,
    long windowBytes,
    long startNs,
    long stopNs,
    CongestionAlgorithm congestionControl,
    long traceIntervalNs)
    implements TrafficSpec {
  public TcpTraffic {
    Checks.tcpFlow(name, from, to, port, congestionControl, traceIntervalNs);
    Checks.nonNegative(bytes, "bytes");
    Checks.nonNegative(windowBytes, "window");
    Checks.nonNegative(startNs, "start");
    Checks.range(Long.signum(stopNs - startNs), 0, 1, "stop before start");
  }

  @Override
  public String kind() {
    return "tcp";
  }
}
