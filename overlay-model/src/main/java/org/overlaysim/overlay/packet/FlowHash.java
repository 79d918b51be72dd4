package org.overlaysim.overlay.packet;

/**
 * The hash of the flow an inner frame belongs to, for the outer UDP source port of VXLAN/Geneve
 * ({@code dataplane.Tunnel} keys it as Linux's flow dissector does: IPv4 TCP/UDP hash the 5-tuple;
 * other IPv4 and every fragment hash addresses and protocol only, so all fragments of a datagram
 * agree; a frame that is not IPv4 hashes its Ethernet addresses and type, udp_flow_src_port's
 * fallback). Linux keys its hash with a random secret per boot; here the initial value is explicit
 * so runs repeat. The mixing function is Bob Jenkins' lookup3 final mix, Linux's jhash_3words.
 */
public final class FlowHash {
  private static final int JHASH_INITVAL = 0xdeadbeef;

  private FlowHash() {}

  /** Linux's jhash_3words (include/linux/jhash.h). */
  public static int jhash3(int a, int b, int c, int initval) {
    int init = JHASH_INITVAL + (3 << 2) + initval;
    a += init;
    b += init;
    c += init;
    c ^= b;
    c -= Integer.rotateLeft(b, 14);
    a ^= c;
    a -= Integer.rotateLeft(c, 11);
    b ^= a;
    b -= Integer.rotateLeft(a, 25);
    c ^= b;
    c -= Integer.rotateLeft(b, 16);
    a ^= c;
    a -= Integer.rotateLeft(c, 4);
    b ^= a;
    b -= Integer.rotateLeft(a, 14);
    c ^= b;
    c -= Integer.rotateLeft(b, 24);
    return c;
  }
}
