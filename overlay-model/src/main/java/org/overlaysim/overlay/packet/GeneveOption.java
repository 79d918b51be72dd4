package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * A Geneve option TLV (RFC 8926 section 3.5): option class, type (high bit: critical), 3 reserved
 * bits, 5-bit length in 4-byte words, and data of that many words.
 */
public record GeneveOption(int optionClass, int type, Octets data) {
  public static final int HEADER_LENGTH = 4;
  public static final int MAXIMUM_DATA_LENGTH = 124;

  public GeneveOption {
    Wire.requireRange("Geneve option class", optionClass, 0, 0xffff);
    Wire.requireRange("Geneve option type", type, 0, 0xff);
    if (data == null) {
      data = Octets.EMPTY;
    }
    if (data.length() % 4 != 0 || data.length() > MAXIMUM_DATA_LENGTH) {
      throw new IllegalArgumentException(
          "Geneve option data must be a multiple of 4 bytes, at most 124; was " + data.length());
    }
  }

  /** The critical bit: a receiver that does not understand the option must drop the packet. */
  public boolean isCritical() {
    return (type & 0x80) != 0;
  }

  public int encodedLength() {
    return HEADER_LENGTH + data.length();
  }

  void write(ByteBuffer buffer) {
    Wire.putU16(buffer, optionClass);
    Wire.putU8(buffer, type);
    Wire.putU8(buffer, data.length() / 4);
    data.write(buffer);
  }
}
