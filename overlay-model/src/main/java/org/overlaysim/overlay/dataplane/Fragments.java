package org.overlaysim.overlay.dataplane;

import org.overlaysim.overlay.packet.Ipv4Header;

/**
 * IPv4 fragmentation of {@link Frame}s as RFC 791 section 3.2 and Linux's ip_do_fragment do it:
 * every fragment but the last carries (mtu - 20) rounded down to a multiple of 8 payload bytes, all
 * share the identification, MF on all but the last (which keeps the original's MF, so a fragment
 * can be fragmented again). A 1500-byte datagram on a 1400 MTU becomes 1396 + 124 bytes. Reassembly
 * counts payload bytes on the whole datagram (see {@link Received}).
 */
public final class Fragments {
  private static final int HEADER = Ipv4Header.MINIMUM_LENGTH;

  private Fragments() {}

  /** Payload bytes per fragment (but the last) for an MTU. */
  public static int dataPerFragment(int mtu) {
    return (mtu - HEADER) & ~7;
  }

  /** Number of fragments a packet of {@code ipLength} bytes becomes on {@code mtu}. */
  public static int count(int ipLength, int mtu) {
    if (ipLength <= mtu) {
      return 1;
    }
    int data = ipLength - HEADER;
    int max = dataPerFragment(mtu);
    return (data + max - 1) / max;
  }

  /**
   * The inner packet split to fit {@code mtu}; outer lengths follow if it is tunnelled. A packet
   * that fits is returned as is.
   */
  public static Frame[] inner(Frame f, int mtu) {
    if (f.ipLength <= mtu) {
      return new Frame[] {f};
    }
    int data = f.ipLength - HEADER;
    int max = dataPerFragment(mtu);
    int n = (data + max - 1) / max;
    Frame whole = f.innerWhole != null ? f.innerWhole : f;
    int outerExtra = f.tunneled ? f.outerLength - f.ipLength : 0;
    Frame[] out = new Frame[n];
    for (int i = 0; i < n; i++) {
      Frame c = f.copy();
      int off = i * max;
      int len = Math.min(max, data - off);
      c.innerWhole = whole;
      c.fragOffset = (char) (f.fragOffset + off);
      c.ipLength = (char) (HEADER + len);
      c.mf = i < n - 1 || f.mf;
      c.outerLength = c.ipLength + outerExtra;
      out[i] = c;
    }
    return out;
  }

  /** The outer datagram of a tunnelled frame split to fit {@code mtu}; one that fits as is. */
  public static Frame[] outer(Frame f, int mtu) {
    if (f.outerLength <= mtu) {
      return new Frame[] {f};
    }
    int data = f.outerLength - HEADER;
    int max = dataPerFragment(mtu);
    int n = (data + max - 1) / max;
    Frame whole = f.outerWhole != null ? f.outerWhole : f;
    Frame[] out = new Frame[n];
    for (int i = 0; i < n; i++) {
      Frame c = f.copy();
      int off = i * max;
      int len = Math.min(max, data - off);
      c.outerWhole = whole;
      c.outerFragOffset = f.outerFragOffset + off;
      c.outerLength = HEADER + len;
      c.outerMf = i < n - 1 || f.outerMf;
      out[i] = c;
    }
    return out;
  }

  /** Fragments the underlay carries: the outer datagram if tunnelled, else the packet itself. */
  public static Frame[] onWire(Frame f, int mtu) {
    return f.tunneled ? outer(f, mtu) : inner(f, mtu);
  }

  /**
   * Adds an inner fragment to its datagram; returns the whole datagram once every payload byte has
   * arrived, else null. A whole packet is returned as is.
   */
  public static Frame reassembleInner(Frame f) {
    if (!f.isInnerFragment()) {
      return f;
    }
    Frame whole = f.innerWhole;
    Received received = received(whole);
    received.inner += f.ipLength - HEADER;
    return received.inner == whole.ipLength - HEADER ? whole : null;
  }

  /** As {@link #reassembleInner} for outer fragments (reassembled by the receiving host). */
  public static Frame reassembleOuter(Frame f) {
    if (!f.isOuterFragment()) {
      return f;
    }
    Frame whole = f.outerWhole;
    Received received = received(whole);
    received.outer += f.outerLength - HEADER;
    return received.outer == whole.outerLength - HEADER ? whole : null;
  }

  /**
   * Payload bytes of a whole datagram's fragments received so far, of its inner and of its outer
   * datagram; most frames are never fragmented, so it is made at the first fragment's arrival.
   */
  static final class Received {
    int inner;
    int outer;
  }

  private static Received received(Frame whole) {
    if (whole.received == null) {
      whole.received = new Received();
    }
    return whole.received;
  }
}
