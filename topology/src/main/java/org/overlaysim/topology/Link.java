package org.overlaysim.topology;

import java.util.Objects;

/**
 * A bidirectional point-to-point underlay link, fully resolved (no defaults left). Each direction
 * has its own transmitter ({@link LinkTransmitter}) with its own queue.
 *
 * @param name unique, {@code a--b} by default ({@code a--b#2} for a parallel one)
 * @param a one endpoint's node name
 * @param b the other endpoint's node name
 * @param bandwidthBps line rate per direction, bits per second
 * @param delayNs one-way propagation delay
 * @param mtu IP MTU: the largest IP datagram the link carries
 * @param queueBytes drop-tail buffer per direction, in IP bytes waiting for the wire
 * @param loss probability that a packet is lost in transit, in [0, 1]
 * @param jitterNs delay variation: each packet gets a uniform extra delay in [-jitter, +jitter]
 */
public record Link(
    String name,
    String a,
    String b,
    long bandwidthBps,
    long delayNs,
    int mtu,
    long queueBytes,
    double loss,
    long jitterNs) {

  /** RFC 791: every internet module must forward a 68-byte datagram without fragmentation. */
  public static final int MIN_IPV4_MTU = 68;

  public Link {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      throw new IllegalArgumentException("link " + name + " joins " + a + " to itself");
    }
    if (bandwidthBps <= 0) {
      throw new IllegalArgumentException("link " + name + ": bandwidth must be positive");
    }
    if (delayNs < 0 || jitterNs < 0) {
      throw new IllegalArgumentException("link " + name + ": negative delay or jitter");
    }
    if (mtu < MIN_IPV4_MTU || mtu > 65535) {
      throw new IllegalArgumentException(
          "link " + name + ": mtu " + mtu + " is outside [" + MIN_IPV4_MTU + ", 65535]");
    }
    if (queueBytes < 0) {
      throw new IllegalArgumentException("link " + name + ": negative queue");
    }
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("link " + name + ": loss " + loss + " is outside [0, 1]");
    }
  }

  /** The endpoint opposite {@code node}. */
  public String opposite(String node) {
    if (node.equals(a)) {
      return b;
    }
    if (node.equals(b)) {
      return a;
    }
    throw new IllegalArgumentException(node + " is not an endpoint of link " + name);
  }

  @Override
  public String toString() {
    return name;
  }
}
