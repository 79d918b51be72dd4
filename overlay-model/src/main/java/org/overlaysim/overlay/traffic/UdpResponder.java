package org.overlaysim.overlay.traffic;

import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.TransportHandler;
import org.overlaysim.overlay.observe.NetworkObserver;

/**
 * A UDP (or SCTP) service on a probed port: a probe's datagram is answered with one of the same
 * size back to its source port (as a DNS or echo service would; SCTP: INIT answered by INIT-ACK);
 * any other flow's datagram is delivered and measured as without a socket.
 */
public final class UdpResponder implements TransportHandler {
  private final ContainerStack stack;
  private final NetworkObserver observer;
  private final boolean[] probeFlows;

  public UdpResponder(ContainerStack stack, NetworkObserver observer, boolean[] probeFlows) {
    this.stack = stack;
    this.observer = observer;
    this.probeFlows = probeFlows;
  }

  @Override
  public void receive(Frame request) {
    if (request.flow < 0 || request.flow >= probeFlows.length || !probeFlows[request.flow]) {
      stack.measureDatagram(request);
      return;
    }
    Frame reply = new Frame();
    reply.flow = request.flow;
    reply.dstIp = request.srcIp;
    reply.dropListener = request.dropListener;
    if (request.protocol == Frame.SCTP) {
      reply.sctpInit(request.dstPort, request.srcPort);
    } else {
      reply.udp(request.dstPort, request.srcPort, request.l4Length - 8);
    }
    observer.packetSent(reply.flow, reply.ipLength);
    stack.send(reply);
  }
}
