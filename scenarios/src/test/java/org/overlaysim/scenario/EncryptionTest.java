package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bytes each encryption adds to a packet, against the systems' own arithmetic: WireGuard's
 * calculate_skb_padding (drivers/net/wireguard/send.c) and RFC 4303's 4-byte ESP alignment.
 */
class EncryptionTest {
  /** Outer IPv4 20 + UDP 8 + message_data header 16 + Poly1305 tag 16. */
  private static final int WG = 20 + 8 + 16 + 16;

  @Test
  void wireguardPadsToSixteenButNeverBeyondTheDeviceMtu() {
    // 84-byte ping packet: padded to 96.
    assertThat(Encryption.WIREGUARD.addedBytes(84, Encapsulation.NONE, 1440)).isEqualTo(WG + 12);
    // A multiple of 16 is not padded.
    assertThat(Encryption.WIREGUARD.addedBytes(1440, Encapsulation.NONE, 1440)).isEqualTo(WG);
    // wg-quick's MTU 1420 is 12 past a multiple of 16: a 1419-byte packet is padded to 1420, not
    // 1424; a full 1420-byte one not at all.
    assertThat(Encryption.WIREGUARD.addedBytes(1419, Encapsulation.NONE, 1420)).isEqualTo(WG + 1);
    assertThat(Encryption.WIREGUARD.addedBytes(1420, Encapsulation.NONE, 1420)).isEqualTo(WG);
  }

  @Test
  void espPadsPayloadAndTrailerToFourBytes() {
    // Transport mode over VXLAN (Docker): a 1474-byte VXLAN packet protects 1454 bytes after its
    // IPv4 header; 1454 + 2 = 1456 is aligned: SPI 4 + sequence 4 + IV 8 + 2 + ICV 8 = 26.
    assertThat(Encryption.IPSEC.addedBytes(1474, Encapsulation.VXLAN, 0)).isEqualTo(26);
    // One byte less: one byte of padding more.
    assertThat(Encryption.IPSEC.addedBytes(1473, Encapsulation.VXLAN, 0)).isEqualTo(27);
    // Tunnel mode: a new IPv4 header 20, ESP 8, IV 8, the 84-byte packet + 2 padded to 88 (pad 2),
    // ICV 16.
    assertThat(Encryption.IPSEC.addedBytes(84, Encapsulation.NONE, 0))
        .isEqualTo(20 + 8 + 8 + 2 + 2 + 16);
    assertThat(Encryption.NONE.addedBytes(84, Encapsulation.NONE, 0)).isZero();
  }

  @Test
  void theLargestSealedPacketFillsTheLinkExactly() {
    for (Encapsulation e : Encapsulation.values()) {
      for (Encryption c : Encryption.values()) {
        for (int mtu : new int[] {1280, 1400, 1500, 9000}) {
          int largest = c.largestSealed(mtu, e);
          int deviceMtu = mtu - WG;
          assertThat(largest + c.addedBytes(largest, e, deviceMtu))
              .as("%s over %s on %d", c, e, mtu)
              .isBetween(mtu - 3, mtu);
          assertThat(largest + 4 + c.addedBytes(largest + 4, e, deviceMtu))
              .as("4 bytes more do not fit: %s over %s on %d", c, e, mtu)
              .isGreaterThan(mtu);
        }
      }
    }
  }
}
