package org.overlaysim.overlay.traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.FrameDropListener;
import org.overlaysim.overlay.dataplane.TransportHandler;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.TcpHeader;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.overlay.policy.Verdict;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.topology.DropReason;

/**
 * The {@code probe} traffic kind with real packets: for each (source, destination, port) in the
 * order {@link Reachability#probe} visits them (the same sampling), one new connection attempt from
 * the source's port {@link Reachability#PROBE_SOURCE_PORT}, spaced {@link #SPACING_NS} apart from
 * the flow's start: TCP sends a SYN and wants the SYN-ACK (then resets, as a SYN scan does), UDP
 * sends a datagram and wants the answer. Every destination listens on every probed port. A probe is
 * allowed when the answer comes from that very container before the timeout; denied with the reason
 * of the drop that killed the request or its answer, {@code vni-mismatch} whenever the two sit in
 * different overlays, or {@code timeout}. Each result goes to {@link NetworkObserver#probeResult}.
 *
 * <p>Attempts from one source to one address and port (containers of two overlays may share an
 * address) would be one 5-tuple on the wire: they go one after the other, each when the one before
 * it has finished.
 */
public final class ProbeFlow implements EventHandler {
  /** Time between two probes' first packets: small against RTTs, gentle on queues. */
  public static final long SPACING_NS = 1_000;

  private static final int PROBE_PAYLOAD = 0;

  /** What the flow needs to know about containers. */
  public interface Containers {
    ContainerStack stack(int container);

    String name(int container);

    int overlay(int container);

    /** The probe socket of a container for a protocol, bound at the probe source port. */
    ProbeSocket socket(int container, int protocol);
  }

  private final Simulator simulator;
  private final NetworkObserver observer;
  private final int flow;
  private final List<ProbePort> ports;
  private final long timeoutNs;
  private final Containers containers;
  private final int partition;
  private final int[] triples; // src, dst, port index
  private final int[] slots; // each probe's place in the whole flow's order: it starts then
  private final int count;
  private long startNs;
  private int next;
  // Attempts started and not finished, in start order (finish() reports them deterministically).
  private final java.util.LinkedHashSet<Attempt> inFlight = new java.util.LinkedHashSet<>();
  private boolean ending;

  public ProbeFlow(
      Simulator simulator,
      NetworkObserver observer,
      int flow,
      List<ProbePort> ports,
      long timeoutNs,
      Containers containers,
      int partition,
      int[] triples,
      int[] slots,
      int count) {
    this.simulator = simulator;
    this.observer = observer;
    this.flow = flow;
    this.ports = ports;
    this.timeoutNs = timeoutNs;
    this.containers = containers;
    this.partition = partition;
    this.triples = triples;
    this.slots = slots;
    this.count = count;
  }

  /**
   * Starts the probes: the one in slot k of the whole flow at {@code startNs + k * SPACING_NS}. A
   * flow whose sources lie in several partitions runs as one of these per partition, each with its
   * sources' probes and their slots, so the probes leave when they would from a single one.
   */
  public void start(long startNs) {
    this.startNs = startNs;
    if (count > 0) {
      simulator.scheduleAt(startNs + slots[0] * SPACING_NS, this);
    }
  }

  /** Sends the next probe. */
  @Override
  public void handle() {
    int i = next++;
    new Attempt(triples[3 * i], triples[3 * i + 1], ports.get(triples[3 * i + 2])).start();
    if (next < count) {
      simulator.scheduleAt(startNs + slots[next] * SPACING_NS, this);
    }
  }

  /**
   * The run ends: every probe not yet decided is reported denied, {@code timeout} for those sent
   * (or waiting behind another with the same 5-tuple), {@code not-sent} for those the run had no
   * time to start, so that every pair still gets its row.
   */
  public void finish() {
    ending = true;
    for (Attempt a : List.copyOf(inFlight)) {
      if (!a.done) {
        a.finish(false, "timeout");
      }
    }
    while (next < count) {
      int i = next++;
      Attempt a = new Attempt(triples[3 * i], triples[3 * i + 1], ports.get(triples[3 * i + 2]));
      a.finish(false, a.otherOverlay() ? Verdict.Reason.VNI_MISMATCH.code() : "not-sent");
    }
  }

  /** The IP protocol number a probe of {@code port} uses. */
  public static int protocolNumber(ProbePort port) {
    return switch (port.protocol()) {
      case UDP -> IpProtocol.UDP;
      case SCTP -> Frame.SCTP;
      case TCP -> IpProtocol.TCP;
    };
  }

  /** The replies to probes of one container and protocol, at the probe source port. */
  public static final class ProbeSocket implements TransportHandler {
    // Looked up by key, never iterated.
    private final Map<Long, Attempt> pending = new HashMap<>();

    @Override
    public void receive(Frame reply) {
      Attempt a = pending.get(key(reply.srcIp, reply.srcPort));
      if (a != null) {
        a.answered(reply);
      }
    }

    private static long key(int ip, int port) {
      return (ip & 0xffff_ffffL) << 16 | port;
    }
  }

  private final class Attempt implements FrameDropListener, EventHandler {
    private final int src;
    private final int dst;
    private final ProbePort port;
    private final int protocol;
    private final ProbeSocket socket;
    private final long key;
    private Frame request;
    private boolean done;
    private Attempt queued; // the next attempt with the same 5-tuple, started when this finishes

    Attempt(int src, int dst, ProbePort port) {
      this.src = src;
      this.dst = dst;
      this.port = port;
      this.protocol = protocolNumber(port);
      this.socket = containers.socket(src, protocol);
      this.key = ProbeSocket.key(containers.stack(dst).ip(), port.port());
    }

    void start() {
      inFlight.add(this);
      if (otherOverlay()) {
        // A container cannot address one of another overlay: a packet to that address would test
        // the container holding it in the source's own overlay, another pair. No packet is sent.
        finish(false, Verdict.Reason.VNI_MISMATCH.code());
        return;
      }
      Attempt pending = socket.pending.get(key);
      if (pending == null) {
        send();
        return;
      }
      while (pending.queued != null) {
        pending = pending.queued;
      }
      pending.queued = this;
    }

    private void send() {
      ContainerStack stack = containers.stack(src);
      Frame f = new Frame();
      f.flow = flow;
      f.dstIp = containers.stack(dst).ip();
      f.df = true;
      f.appSentNs = simulator.nowNs();
      f.dropListener = this;
      if (protocol == IpProtocol.TCP) {
        // A Linux SYN: 40-byte header with MSS, SACK-permitted, timestamps, window scale.
        f.tcp(Reachability.PROBE_SOURCE_PORT, port.port(), TcpConnection.SYN_HEADER_LENGTH, 0);
        f.tcpFlags = TcpHeader.SYN;
        f.tcpWindow = 65_535;
        f.tcpMss = (char) (stack.pathMtu(f.dstIp) - TcpConnection.IP_TCP_HEADERS);
        f.tsVal = simulator.nowNs();
      } else if (protocol == Frame.SCTP) {
        f.sctpInit(Reachability.PROBE_SOURCE_PORT, port.port());
      } else {
        f.udp(Reachability.PROBE_SOURCE_PORT, port.port(), PROBE_PAYLOAD);
      }
      request = f;
      socket.pending.put(key, this);
      observer.packetSent(flow, f.ipLength);
      simulator.schedule(timeoutNs, this);
      stack.send(f);
    }

    void answered(Frame reply) {
      if (done) {
        return;
      }
      if (protocol == IpProtocol.TCP) {
        if ((reply.tcpFlags & TcpHeader.RST) != 0) {
          finish(false, "port-closed");
          return;
        }
        // A SYN scan's reset: the half-open connection at the destination goes away.
        Frame rst = new Frame();
        rst.flow = flow;
        rst.dstIp = reply.srcIp;
        rst.df = true;
        rst.tcp(Reachability.PROBE_SOURCE_PORT, port.port(), TcpHeader.MINIMUM_LENGTH, 0);
        rst.tcpSeq = 1;
        rst.tcpFlags = TcpHeader.RST;
        observer.packetSent(flow, rst.ipLength);
        containers.stack(src).send(rst);
      }
      observer.packetDelivered(flow, reply.ipLength);
      observer.latencySample(flow, simulator.nowNs() - request.appSentNs);
      if (reply.srcContainer != dst) {
        finish(false, otherOverlay() ? Verdict.Reason.VNI_MISMATCH.code() : "wrong-destination");
        return;
      }
      finish(true, allowedBy(request.egressVerdict, request.ingressVerdict));
    }

    @Override
    public int partition() {
      return partition;
    }

    @Override
    public void dropped(Frame frame, DropReason reason) {
      if (!done) {
        finish(false, otherOverlay() ? Verdict.Reason.VNI_MISMATCH.code() : reason.reportName());
      }
    }

    /** The timeout. */
    @Override
    public void handle() {
      if (!done) {
        finish(false, otherOverlay() ? Verdict.Reason.VNI_MISMATCH.code() : "timeout");
      }
    }

    private boolean otherOverlay() {
      return containers.overlay(src) != containers.overlay(dst);
    }

    private void finish(boolean allowed, String reason) {
      done = true;
      inFlight.remove(this);
      if (socket.pending.get(key) == this) {
        socket.pending.remove(key);
      }
      request = null;
      observer.probeResult(
          flow,
          containers.name(src),
          containers.name(dst),
          port.protocol().toString(),
          port.port(),
          allowed,
          reason);
      if (queued != null && !ending) {
        queued.send();
      }
    }
  }

  /**
   * The allowing rule as reachability.csv names it: the policies of both ends ({@code
   * policy-allow:egress+ingress}), or of the one end that is isolated, or {@code not-isolated}.
   */
  static String allowedBy(Verdict egress, Verdict ingress) {
    boolean e = egress != null && egress.reason() == Verdict.Reason.POLICY_ALLOW;
    boolean i = ingress != null && ingress.reason() == Verdict.Reason.POLICY_ALLOW;
    if (e && i) {
      return Verdict.Reason.POLICY_ALLOW.code() + ":" + egress.policy() + "+" + ingress.policy();
    }
    if (e) {
      return egress.reportReason();
    }
    if (i) {
      return ingress.reportReason();
    }
    return Verdict.Reason.NOT_ISOLATED.code();
  }
}
