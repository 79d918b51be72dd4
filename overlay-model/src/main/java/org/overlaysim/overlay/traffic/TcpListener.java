package org.overlaysim.overlay.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.TransportHandler;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.TcpHeader;

/**
 * A listening TCP socket on one container's port: a SYN opens a connection (passive open) for the
 * flow that sent it, later segments go to their connection by remote address and port. A flow that
 * registered an {@link Acceptor} gets its application on each new connection; any other SYN (a
 * probe) is still answered, as a listening socket answers whoever connects.
 */
public final class TcpListener implements TransportHandler {
  /** Gives the application of a connection the listener accepted for a flow. */
  @FunctionalInterface
  public interface Acceptor {
    TcpApplication accepted(TcpConnection connection);
  }

  private final Simulator simulator;
  private final NetworkObserver observer;
  private final SegmentOutput out;
  private final int localIp;
  private final int port;
  // Looked up by key, never iterated: hash order cannot reach any output.
  private final Map<Long, TcpConnection> connections = new HashMap<>();
  private final List<Integer> acceptorFlows = new ArrayList<>();
  private final List<Acceptor> acceptors = new ArrayList<>();
  private final List<TcpSettings> acceptorSettings = new ArrayList<>();
  private long lastKey = -1;
  private TcpConnection last;

  public TcpListener(
      Simulator simulator, NetworkObserver observer, SegmentOutput out, int localIp, int port) {
    this.simulator = simulator;
    this.observer = observer;
    this.out = out;
    this.localIp = localIp;
    this.port = port;
  }

  /** Connections opened by {@code flow}'s SYNs get {@code acceptor}'s application. */
  public void acceptor(int flow, TcpSettings settings, Acceptor acceptor) {
    acceptorFlows.add(flow);
    acceptors.add(acceptor);
    acceptorSettings.add(settings);
  }

  @Override
  public void receive(Frame f) {
    long key = (f.srcIp & 0xffff_ffffL) << 16 | f.srcPort;
    TcpConnection c = key == lastKey ? last : connections.get(key);
    boolean syn = (f.tcpFlags & TcpHeader.SYN) != 0 && (f.tcpFlags & TcpHeader.ACK) == 0;
    if (c != null && !(syn && c.state() == TcpConnection.State.CLOSED)) {
      remember(key, c);
      c.receive(f);
      if (c.state() == TcpConnection.State.CLOSED) {
        forget(key); // TIME_WAIT is not modelled: a closed connection frees its slot
      }
      return;
    }
    if (!syn) {
      return; // Linux would answer RST; nothing in the model needs it
    }
    int a = acceptorFlows.indexOf(f.flow);
    TcpSettings settings = a >= 0 ? acceptorSettings.get(a) : TcpSettings.LINUX;
    c =
        new TcpConnection(
            simulator, observer, f.flow, out, localIp, port, f.srcIp, f.srcPort, settings);
    connections.put(key, c);
    remember(key, c);
    if (a >= 0) {
      c.application(acceptors.get(a).accepted(c));
    }
    c.accept(f);
  }

  @Override
  public void fragmentationNeeded(Frame quoted) {
    TcpConnection c = connections.get((quoted.dstIp & 0xffff_ffffL) << 16 | quoted.dstPort);
    if (c != null) {
      c.fragmentationNeeded(quoted);
    }
  }

  private void forget(long key) {
    connections.remove(key);
    if (lastKey == key) {
      lastKey = -1;
      last = null;
    }
  }

  private void remember(long key, TcpConnection c) {
    lastKey = key;
    last = c;
  }
}
