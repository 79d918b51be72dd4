package org.overlaysim.topology;

/**
 * The ECMP hash of an outer 5-tuple (as Linux's {@code fib_multipath_hash_policy=1} and most
 * routers: source and destination address, protocol, ports). VXLAN senders vary the outer UDP
 * source port per inner flow (RFC 7348 section 5) precisely so that this hash spreads them.
 * MurmurHash3 (32-bit) mixing; each router salts the hash with its index so that consecutive ECMP
 * stages do not all make the same choice (hash polarisation).
 */
public final class FlowHash {
  private FlowHash() {}

  /** Hash of the 5-tuple; ports are 16-bit, 0 when the protocol has none. */
  public static int of(int srcIpv4, int dstIpv4, int protocol, int srcPort, int dstPort) {
    int h = 0x9747b28c;
    h = mixIn(h, srcIpv4);
    h = mixIn(h, dstIpv4);
    h = mixIn(h, ((srcPort & 0xffff) << 16) | (dstPort & 0xffff));
    h = mixIn(h, protocol & 0xff);
    return finish(h ^ 16);
  }

  /** Hash of a packet's 5-tuple. */
  public static int of(UnderlayPacket p) {
    return of(p.srcIpv4(), p.dstIpv4(), p.protocol(), p.srcPort(), p.dstPort());
  }

  /** The flow hash as seen by one router (salted by its index). */
  public static int atRouter(int flowHash, int routerIndex) {
    return finish(flowHash ^ ((routerIndex + 1) * 0x9E3779B9));
  }

  /** Maps a hash uniformly onto [0, n) without division (Lemire's multiply-shift). */
  public static int pick(int hash, int n) {
    return (int) (((hash & 0xffffffffL) * n) >>> 32);
  }

  private static int mixIn(int h, int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    h ^= k;
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
