package org.overlaysim.scenario;

/** An IPv4 address, held as its 32 bits (network byte order read as an unsigned int). */
public record Ipv4(int bits) implements Comparable<Ipv4> {

  /**
   * Parses dotted-quad notation strictly: four decimal octets 0..255. Leading zeros are refused
   * because tools disagree on them (inet_aton reads {@code 010} as octal 8).
   */
  public static Ipv4 parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (a.b.c.d)");
    }
    int bits = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (a.b.c.d)");
      }
      if (part.length() > 1 && part.charAt(0) == '0') {
        throw new IllegalArgumentException(
            "'" + text + "': leading zeros in an IPv4 octet are ambiguous (octal in some tools)");
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new IllegalArgumentException("'" + text + "': octet " + octet + " is above 255");
      }
      bits = (bits << 8) | octet;
    }
    return new Ipv4(bits);
  }

  public long unsigned() {
    return bits & 0xFFFF_FFFFL;
  }

  public Ipv4 plus(long offset) {
    return new Ipv4((int) (unsigned() + offset));
  }

  /** The four octets, most significant first. */
  public byte[] octets() {
    return new byte[] {
      (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
    };
  }

  @Override
  public int compareTo(Ipv4 other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return format(bits);
  }

  /** Dotted-quad text of an address held as its 32 bits (the form the packet path uses). */
  public static String format(int bits) {
    return (bits >>> 24)
        + "."
        + ((bits >>> 16) & 0xFF)
        + "."
        + ((bits >>> 8) & 0xFF)
        + "."
        + (bits & 0xFF);
  }
}
