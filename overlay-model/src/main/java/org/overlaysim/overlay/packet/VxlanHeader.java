package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * The VXLAN header (RFC 7348 section 5): flags 0x08 (I bit: VNI valid), 24 reserved bits, the
 * 24-bit VNI, 8 reserved bits; always sent as such. Like Linux's vxlan_rcv, decoding rejects a
 * header without the I bit or with any reserved bit set.
 */
public record VxlanHeader(int vni) implements Header {
  public static final int FLAGS_OFFSET = 0;
  public static final int VNI_OFFSET = 4;
  public static final int LENGTH = 8;
  public static final int FLAG_VNI_VALID = 0x08;
  public static final int MAXIMUM_VNI = 0xff_ffff;

  /** IANA-assigned port (RFC 7348), used by Docker. */
  public static final int IANA_PORT = 4789;

  /** Linux's default destination port, also Flannel's and Cilium's. */
  public static final int LINUX_DEFAULT_PORT = 8472;

  /** Outer Ethernet + IPv4 + UDP + VXLAN: 14 + 20 + 8 + 8. */
  public static final int OVERHEAD_IPV4 = 50;

  private static final String NAME = "VXLAN header";

  public VxlanHeader {
    Wire.requireRange("VNI", vni, 0, MAXIMUM_VNI);
  }

  @Override
  public int encodedLength() {
    return LENGTH;
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU32(buffer, FLAG_VNI_VALID << 24);
    Wire.putU32(buffer, vni << 8);
  }

  public static VxlanHeader read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, LENGTH, NAME);
    int p = buffer.position();
    int flagsWord = Wire.u32(buffer, p + FLAGS_OFFSET);
    int vniWord = Wire.u32(buffer, p + VNI_OFFSET);
    if ((flagsWord >>> 24 & FLAG_VNI_VALID) == 0) {
      throw MalformedPacketException.at(buffer, NAME, "I flag (0x08) clear: VNI not valid");
    }
    if (flagsWord != FLAG_VNI_VALID << 24 || (vniWord & 0xff) != 0) {
      throw MalformedPacketException.at(
          buffer, NAME, "reserved bits set (Linux drops such packets as invalid)");
    }
    buffer.position(p + LENGTH);
    return new VxlanHeader(vniWord >>> 8);
  }
}
