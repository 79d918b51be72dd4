package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/** An IPv4 address held in an int, network order value (first octet in the high byte). */
public record Ipv4Address(int value) implements Comparable<Ipv4Address> {
  public static final Ipv4Address ANY = new Ipv4Address(0);

  /** Parses dotted-quad notation, e.g. {@code 10.0.0.1}. */
  public static Ipv4Address parse(String text) {
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address (a.b.c.d): '" + text + "'");
    }
    int value = 0;
    for (String part : parts) {
      int octet;
      try {
        octet = part.isEmpty() || part.length() > 3 ? -1 : Integer.parseInt(part);
      } catch (NumberFormatException e) {
        octet = -1;
      }
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address (a.b.c.d): '" + text + "'");
      }
      value = value << 8 | octet;
    }
    return new Ipv4Address(value);
  }

  /** From four octets, e.g. {@code of(10, 0, 0, 1)}. */
  public static Ipv4Address of(int a, int b, int c, int d) {
    Wire.requireRange("octet", a, 0, 255);
    Wire.requireRange("octet", b, 0, 255);
    Wire.requireRange("octet", c, 0, 255);
    Wire.requireRange("octet", d, 0, 255);
    return new Ipv4Address(a << 24 | b << 16 | c << 8 | d);
  }

  static Ipv4Address read(ByteBuffer buffer, int index) {
    return new Ipv4Address(Wire.u32(buffer, index));
  }

  void write(ByteBuffer buffer) {
    Wire.putU32(buffer, value);
  }

  @Override
  public int compareTo(Ipv4Address other) {
    return Integer.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return (value >>> 24)
        + "."
        + (value >>> 16 & 0xff)
        + "."
        + (value >>> 8 & 0xff)
        + "."
        + (value & 0xff);
  }
}
