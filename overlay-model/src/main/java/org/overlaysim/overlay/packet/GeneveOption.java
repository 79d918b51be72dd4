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

  /** Option class 0x0102: Open Virtual Networking (OVN), in IANA's Geneve option class registry. */
  public static final int CLASS_OVN = 0x0102;

  /**
   * Options of {@code bytes} bytes in all (a multiple of 4, at most 252), as OVN sends them: its
   * one option (class 0x0102, type 0x80, 4 bytes of zeros where OVN puts the logical ports) for 8
   * bytes; more bytes in further options of at most 128 (4 + 124) bytes each, the last taking what
   * remains. None for 0.
   */
  public static java.util.List<GeneveOption> filling(int bytes) {
    if (bytes < 0 || bytes % 4 != 0 || bytes > 252) {
      throw new IllegalArgumentException("Geneve options of " + bytes + " bytes");
    }
    java.util.List<GeneveOption> options = new java.util.ArrayList<>();
    int left = bytes;
    while (left > 0) {
      int size = Math.min(left, HEADER_LENGTH + MAXIMUM_DATA_LENGTH);
      options.add(new GeneveOption(CLASS_OVN, 0x80, Octets.zeros(size - HEADER_LENGTH)));
      left -= size;
    }
    return options;
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
