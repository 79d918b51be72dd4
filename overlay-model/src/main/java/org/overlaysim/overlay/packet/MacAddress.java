package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/** A 48-bit IEEE 802 MAC address, held in the low 48 bits of a long (no array per address). */
public record MacAddress(long value) implements Comparable<MacAddress> {
  public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
  public static final MacAddress ZERO = new MacAddress(0);

  public MacAddress {
    if ((value >>> 48) != 0) {
      throw new IllegalArgumentException(
          "MAC address wider than 48 bits: 0x" + Long.toHexString(value));
    }
  }

  /** Parses {@code 02:42:ac:11:00:02} (colons or dashes). */
  public static MacAddress parse(String text) {
    String[] parts = text.trim().split("[:-]");
    if (parts.length != 6) {
      throw new IllegalArgumentException("not a MAC address (six hex octets): '" + text + "'");
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 2) {
        throw new IllegalArgumentException("not a MAC address (six hex octets): '" + text + "'");
      }
      int octet;
      try {
        octet = Integer.parseInt(part, 16);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a MAC address (six hex octets): '" + text + "'", e);
      }
      value = value << 8 | octet;
    }
    return new MacAddress(value);
  }

  static MacAddress read(ByteBuffer buffer, int index) {
    return new MacAddress(Wire.u48(buffer, index));
  }

  void write(ByteBuffer buffer) {
    Wire.putU48(buffer, value);
  }

  /** Group bit set (I/G, IEEE 802-2014 section 8.2): broadcast or multicast, flooded by bridges. */
  public boolean isMulticast() {
    return (value & 0x0100_0000_0000L) != 0;
  }

  public boolean isBroadcast() {
    return value == BROADCAST.value;
  }

  @Override
  public int compareTo(MacAddress other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(17);
    for (int shift = 40; shift >= 0; shift -= 8) {
      int octet = (int) (value >>> shift) & 0xff;
      if (shift != 40) {
        out.append(':');
      }
      out.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
    }
    return out.toString();
  }
}
