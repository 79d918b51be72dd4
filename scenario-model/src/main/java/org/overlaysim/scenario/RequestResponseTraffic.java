package org.overlaysim.scenario;

/**
 * Requests over TCP at {@code ratePerSecond} (Poisson arrivals), each answered by a response; a
 * rate of 0 is a closed loop ({@code rate: closed}): each client sends its next request when the
 * response has arrived. {@code congestionControl} is the congestion control of both ends (each
 * sends), {@code traceIntervalNs} the tcp.csv sample interval of the clients (0: none).
 */
public record RequestResponseTraffic(
    String name,
    Endpoint from,
    Endpoint to,
    int port,
    long requestSize,
    long responseSize,
    double ratePerSecond,
    long startNs,
    long stopNs,
    CongestionAlgorithm congestionControl,
    long traceIntervalNs)
    implements TrafficSpec {
  public RequestResponseTraffic {
    Checks.tcpFlow(name, from, to, port, congestionControl, traceIntervalNs);
    Checks.positive(requestSize, "requestSize");
    Checks.positive(responseSize, "responseSize");
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "rate must be above zero, or 0 (closed loop): " + ratePerSecond);
    }
    Checks.nonNegative(startNs, "start");
    Checks.range(Long.signum(stopNs - startNs), 0, 1, "stop before start");
  }

  /** Whether each client waits for the response before its next request. */
  public boolean closedLoop() {
    return ratePerSecond == 0;
  }

  @Override
  public String kind() {
    return "request-response";
  }
}
