package org.overlaysim.overlay.dataplane;

/**
 * What a container's stack hands a whole TCP segment or UDP datagram to, by protocol and local port
 * (a bound socket). The frame is the handler's to keep.
 */
@FunctionalInterface
public interface TransportHandler {
  void receive(Frame frame);

  /**
   * An ICMP fragmentation-needed came back about {@code quoted}, a packet this socket sent; the
   * stack has already lowered its path MTU (RFC 1191). Linux's TCP shrinks its MSS and resends at
   * once (tcp_v4_mtu_reduced); by default nothing happens.
   */
  default void fragmentationNeeded(Frame quoted) {}
}
