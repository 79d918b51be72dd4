package org.overlaysim.overlay.dataplane;

/**
 * What a container's stack hands a whole TCP segment or UDP datagram to, by protocol and local port
 * (a bound socket). The frame is the handler's to keep.
 */
@FunctionalInterface
public interface TransportHandler {
  void receive(Frame frame);
}
