package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.random.SplitMix64;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Encryption;
import org.overlaysim.scenario.Overlay;

/**
 * An overlay's encryption on the packet path, applied after its {@link Tunnel}: it wraps the packet
 * the tunnel made (or, without a tunnel, the inner packet) as WireGuard or ESP would, and says how
 * large a packet may be for the path ({@link Encryption} has the arithmetic and the sources). The
 * bytes themselves are left to {@link FrameRenderer}: headers in the clear, the rest opaque.
 *
 * @param wireguardMtu the WireGuard device's MTU, which caps its padding: the largest packet the
 *     tunnel hands it (the overlay's MTU plus the tunnel's overhead)
 * @param rateBps what one core encrypts or decrypts per second ({@link CryptoCpu})
 */
record Sealing(Encryption encryption, Encapsulation encapsulation, int wireguardMtu, long rateBps) {
  static Sealing of(Overlay overlay) {
    return new Sealing(
        overlay.encryption(),
        overlay.encapsulation(),
        overlay.mtu() + overlay.overheadBytes(),
        overlay.cryptoRateBps());
  }

  boolean seals() {
    return encryption != Encryption.NONE;
  }

  /**
   * Encrypts {@code f}'s wire packet (for an overlay that {@link #seals()}), the {@code sent}-th to
   * this peer: fills the outer fields the underlay sees (for a frame the tunnel left
   * unencapsulated, from {@code localIp} to {@code remoteIp}), its length grown by what the
   * encryption adds.
   */
  void seal(Frame f, int localIp, int remoteIp, int outerId, long sent) {
    if (!f.tunneled) {
      f.tunneled = true;
      f.tunnelKind = Frame.TUNNEL_NONE;
      f.outerSrc = localIp;
      f.outerDst = remoteIp;
      f.outerId = (char) outerId;
      f.outerFragOffset = 0;
      f.outerMf = false;
      f.outerDf = f.df;
      f.outerLength = f.ipLength;
    }
    int added = encryption.addedBytes(f.outerLength, encapsulation, wireguardMtu);
    int cipher;
    long counter;
    if (encryption == Encryption.WIREGUARD) {
      // A UDP datagram of the wireguard socket: DF clear, the default TTL (socket.c, send4).
      cipher = Frame.CIPHER_WIREGUARD;
      f.outerProto = IpProtocol.UDP;
      f.outerSrcPort = Encryption.WIREGUARD_PORT;
      f.outerDstPort = Encryption.WIREGUARD_PORT;
      f.outerDf = false;
      f.outerTtl = Ipv4Header.DEFAULT_TTL;
      counter = sent; // the nonce counter starts at 0 (noise.c)
    } else {
      boolean transport = Encryption.espTransport(encapsulation);
      cipher = transport ? Frame.CIPHER_ESP_TRANSPORT : Frame.CIPHER_ESP_TUNNEL;
      f.outerProto = IpProtocol.ESP;
      f.outerSrcPort = 0;
      f.outerDstPort = 0;
      if (!transport) {
        // xfrm4 tunnel mode copies the inner DF (xfrm4_mode_tunnel_output) under a new TTL.
        f.outerDf = f.df;
        f.outerTtl = Ipv4Header.DEFAULT_TTL;
      }
      counter = sent + 1; // RFC 4303 section 3.3.3: the first packet has sequence 1
    }
    f.seal = new Frame.Seal(cipher, peerId(localIp, remoteIp), counter);
    f.outerLength += added;
  }

  /**
   * The largest inner packet that fits {@code pathMtu} once tunnelled ({@code tunnelOverhead}) and
   * encrypted.
   */
  int largestInner(int pathMtu, int tunnelOverhead) {
    return encryption.largestSealed(pathMtu, encapsulation) - tunnelOverhead;
  }

  /**
   * The receiver's index (WireGuard) or SPI (ESP) for packets from {@code localIp} to {@code
   * remoteIp}: both are chosen by the receiver at random; here a hash of the pair, never one of
   * ESP's reserved SPIs 0-255 (RFC 4303 section 2.1).
   */
  private int peerId(int localIp, int remoteIp) {
    long pair = (long) remoteIp << 32 | (localIp & 0xffff_ffffL);
    return (int) SplitMix64.mix(pair + encryption.ordinal()) | 0x100;
  }
}
