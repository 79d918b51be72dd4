package org.overlaysim.topology;

/** IPv4 addresses as ints (network order value), the form the hot path uses. */
public final class Ipv4 {
  private Ipv4() {}

  /** Parses dotted-quad notation, e.g. {@code 10.1.0.11}. */
  public static int parse(String dotted) {
    String[] parts = dotted.trim().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
    }
    int value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  /** Dotted-quad text of an address. */
  public static String format(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }
}
