package org.overlaysim.overlay.traffic;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.observe.NetworkObserver;

/**
 * The {@code request-response} traffic kind between one client and its server over one TCP
 * connection (as an HTTP/1.1 keep-alive client without pipelining limits): requests of {@code
 * requestSize} bytes arrive as a Poisson process of {@code ratePerSecond} from the connection's
 * establishment until stop, each written at once; or, with rate 0, in a closed loop (the next
 * request when the response completes). The server answers each complete request with {@code
 * responseSize} bytes. A latency sample is the time from the request's write (its first byte handed
 * to TCP) to the response's last byte received in order; TCP segments give no samples of their own.
 */
public final class RequestResponseFlow implements TcpApplication, EventHandler {
  private final Simulator simulator;
  private final NetworkObserver observer;
  private final int flow;
  private final TcpConnection client;
  private final long requestSize;
  private final long responseSize;
  private final double ratePerSecond;
  private final RandomStream arrivals;
  private final long stopNs;
  // Write times of requests whose responses are outstanding, a ring in issue order.
  private long[] issued = new long[16];
  private long head;
  private long tail;
  private long responsesDone;

  public RequestResponseFlow(
      Simulator simulator,
      NetworkObserver observer,
      int flow,
      TcpConnection client,
      long requestSize,
      long responseSize,
      double ratePerSecond,
      RandomStream arrivals,
      long stopNs) {
    if (ratePerSecond < 0 || (ratePerSecond > 0 && arrivals == null)) {
      throw new IllegalArgumentException("a rate needs a random stream; 0 is a closed loop");
    }
    this.simulator = simulator;
    this.observer = observer;
    this.flow = flow;
    this.client = client;
    this.requestSize = requestSize;
    this.responseSize = responseSize;
    this.ratePerSecond = ratePerSecond;
    this.arrivals = arrivals;
    this.stopNs = stopNs;
    client.application(this);
    client.segmentDelaySamples(false);
  }

  /** The server's application: one response per complete request. */
  public static TcpApplication server(long requestSize, long responseSize) {
    return new TcpApplication() {
      private long answered;

      @Override
      public void received(TcpConnection connection, long totalBytes) {
        long complete = totalBytes / requestSize;
        if (complete > answered) {
          connection.write((complete - answered) * responseSize);
          answered = complete;
        }
      }

      @Override
      public void peerClosed(TcpConnection connection) {
        connection.close();
      }
    };
  }

  public TcpConnection client() {
    return client;
  }

  public long responsesCompleted() {
    return responsesDone;
  }

  @Override
  public void connected(TcpConnection connection) {
    if (ratePerSecond == 0) {
      request();
    } else {
      scheduleArrival();
    }
  }

  /** A Poisson arrival. */
  @Override
  public void handle() {
    if (simulator.nowNs() >= stopNs || client.state() != TcpConnection.State.ESTABLISHED) {
      return;
    }
    request();
    scheduleArrival();
  }

  private void scheduleArrival() {
    long gap = Math.max(1, Math.round(arrivals.exponential(1e9 / ratePerSecond)));
    if (simulator.nowNs() + gap < stopNs) {
      simulator.schedule(gap, this);
    }
  }

  private void request() {
    if (tail - head == issued.length) {
      long[] bigger = new long[issued.length * 2];
      for (long i = head; i < tail; i++) {
        bigger[(int) (i & (bigger.length - 1))] = issued[(int) (i & (issued.length - 1))];
      }
      issued = bigger;
    }
    issued[(int) (tail & (issued.length - 1))] = simulator.nowNs();
    tail++;
    client.write(requestSize);
  }

  @Override
  public void received(TcpConnection connection, long totalBytes) {
    long complete = totalBytes / responseSize;
    long now = simulator.nowNs();
    while (responsesDone < complete && head < tail) {
      long sent = issued[(int) (head & (issued.length - 1))];
      head++;
      responsesDone++;
      observer.latencySample(flow, now - sent);
    }
    if (ratePerSecond == 0 && now < stopNs && head == tail) {
      request();
    }
  }
}
