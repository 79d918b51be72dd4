package org.overlaysim.scenario;

/**
 * How an overlay encrypts what its tunnel puts on the underlay, and the bytes that costs over IPv4
 * (docs/overlay-reference.md, "Encrypted overlays", has the sources).
 *
 * <ul>
 *   <li>{@code wireguard}: a UDP tunnel of its own around the packet the overlay's tunnel made (the
 *       inner packet itself with {@code encapsulation: none}, as Calico and Flannel's wireguard
 *       backend run it instead of the overlay tunnel; VXLAN or Geneve inside it, as Cilium's tunnel
 *       mode): outer IPv4 20 + UDP 8 + transport-data header 16 + Poly1305 tag 16, the packet
 *       padded to 16 bytes but never beyond the WireGuard device's MTU (Linux,
 *       drivers/net/wireguard/send.c, calculate_skb_padding).
 *   <li>{@code ipsec}: ESP with AES-GCM (RFC 4303, RFC 4106): over a tunnel (vxlan, geneve, ipip)
 *       in transport mode, protecting the tunnel's outer packet after its IPv4 header, as Docker's
 *       encrypted overlay does (its SAs: {@code rfc4106(gcm(aes))}, ICV 64 bits); without one
 *       ({@code none}) in tunnel mode with a new outer IPv4 header and a 16-byte ICV (Cilium,
 *       Flannel's ipsec backend). SPI 4 + sequence 4 + IV 8, the payload and the 2 trailer bytes
 *       padded to 4 bytes, then the ICV.
 * </ul>
 */
public enum Encryption {
  NONE("none", 0),
  /**
   * 1.52 Gbit/s a core: FreeBSD's kernel WireGuard on a Xeon D-1541, one stream, "a single core
   * performance bottleneck" (Netgate, "WireGuard in pfSense 2.5 performance", 2021).
   */
  WIREGUARD("wireguard", 1_520_000_000L),
  /**
   * 3.3 Gbit/s a core: Linux IPsec with AES-GCM, one flow pinned to each CPU of an AMD EPYC 9135,
   * throughput linear in the CPUs (linux-ipsec.org, "2025 Linux IPsec pCPU testing").
   */
  IPSEC("ipsec", 3_300_000_000L);

  /** WireGuard's UDP port (wg(8)'s and Calico's default ListenPort). */
  public static final int WIREGUARD_PORT = 51820;

  /** Outer IPv4 20 + UDP 8 + message_data header 16 (type 4, receiver 4, counter 8) + tag 16. */
  public static final int WIREGUARD_OVERHEAD = 20 + 8 + 16 + 16;

  /** MESSAGE_PADDING_MULTIPLE (drivers/net/wireguard/messages.h). */
  public static final int WIREGUARD_PADDING = 16;

  /** ESP header: SPI 4 + sequence number 4 (RFC 4303 section 2). */
  public static final int ESP_HEADER = 8;

  /** AES-GCM's explicit IV in each packet (RFC 4106 section 3.1). */
  public static final int ESP_IV = 8;

  /** Pad length 1 + next header 1 (RFC 4303 section 2.4-2.6). */
  public static final int ESP_TRAILER = 2;

  /** ICV of Docker's transport-mode SAs (libnetwork: ICVLen 64). */
  public static final int ESP_TRANSPORT_ICV = 8;

  /** ICV of tunnel-mode SAs (RFC 4106 section 6: 16 octets MUST be supported; Cilium's). */
  public static final int ESP_TUNNEL_ICV = 16;

  private static final int IPV4 = 20;

  private final String yamlName;
  private final long defaultRateBps;

  Encryption(String yamlName, long defaultRateBps) {
    this.yamlName = yamlName;
    this.defaultRateBps = defaultRateBps;
  }

  /** What one core encrypts or decrypts per second, from published measurements; 0 for none. */
  public long defaultRateBps() {
    return defaultRateBps;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Encryption fromYaml(String name) {
    for (Encryption value : values()) {
      if (value.yamlName.equals(name)) {
        return value;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** Whether ESP runs in transport mode: over a tunnel's outer packet, as Docker's overlay. */
  public static boolean espTransport(Encapsulation encapsulation) {
    return encapsulation != Encapsulation.NONE;
  }

  /**
   * Bytes this encryption adds to a packet of {@code length} bytes (the tunnel's outer IPv4 packet,
   * or the inner packet without a tunnel); {@code deviceMtu} caps WireGuard's padding.
   */
  public int addedBytes(int length, Encapsulation encapsulation, int deviceMtu) {
    return switch (this) {
      case NONE -> 0;
      case WIREGUARD -> WIREGUARD_OVERHEAD + wireguardPadding(length, deviceMtu);
      case IPSEC -> {
        boolean transport = espTransport(encapsulation);
        // Transport mode keeps the tunnel's IPv4 header in front and protects what follows it.
        int payload = transport ? length - IPV4 : length;
        int pad = Math.floorMod(-(payload + ESP_TRAILER), 4);
        int icv = transport ? ESP_TRANSPORT_ICV : ESP_TUNNEL_ICV;
        yield (transport ? 0 : IPV4) + ESP_HEADER + ESP_IV + pad + ESP_TRAILER + icv;
      }
    };
  }

  /**
   * Linux's calculate_skb_padding: up to the next multiple of 16, but not past the device's MTU (a
   * packet larger than it is padded as its remainder modulo the MTU).
   */
  static int wireguardPadding(int length, int deviceMtu) {
    int last = length > deviceMtu ? length % deviceMtu : length;
    int aligned = (last + WIREGUARD_PADDING - 1) / WIREGUARD_PADDING * WIREGUARD_PADDING;
    return Math.min(deviceMtu, aligned) - last;
  }

  /**
   * The largest packet (the tunnel's outer packet, or the inner one without a tunnel) that still
   * fits a link of {@code linkMtu} once encrypted: the WireGuard device's MTU (Calico: link MTU -
   * 60), or what Linux's xfrm lets through (esp4_get_mtu: the ESP payload rounded down to 4 bytes,
   * less the 2 trailer bytes).
   */
  public int largestSealed(int linkMtu, Encapsulation encapsulation) {
    return switch (this) {
      case NONE -> linkMtu;
      case WIREGUARD -> linkMtu - WIREGUARD_OVERHEAD;
      case IPSEC -> {
        boolean transport = espTransport(encapsulation);
        int icv = transport ? ESP_TRANSPORT_ICV : ESP_TUNNEL_ICV;
        int netAdjust = transport ? IPV4 : 0;
        int headerLength = (transport ? 0 : IPV4) + ESP_HEADER + ESP_IV;
        yield ((linkMtu - headerLength - icv - netAdjust) & ~3) + netAdjust - ESP_TRAILER;
      }
    };
  }
}
