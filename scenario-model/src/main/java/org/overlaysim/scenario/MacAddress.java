package org.overlaysim.scenario;

/** A 48-bit IEEE 802 MAC address, held in the low 48 bits of a long (no array per address). */
public record MacAddress(long bits) implements Comparable<MacAddress> {
  public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
  public static final MacAddress ZERO = new MacAddress(0);

  public MacAddress {
    if ((bits >>> 48) != 0) {
      throw new IllegalArgumentException("MAC address wider than 48 bits");
    }
  }

  /**
   * Docker's rule for container interfaces: the locally administered prefix 02:42 followed by the
   * four bytes of the IPv4 address, so a MAC never collides inside one overlay.
   */
  public static MacAddress dockerStyle(Ipv4 address) {
    return new MacAddress(0x0242_0000_0000L | address.unsigned());
  }

  public static MacAddress parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 6) {
      throw new IllegalArgumentException("'" + text + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
    }
    long bits = 0;
    for (String part : parts) {
      if (part.length() != 2 || !part.matches("[0-9a-fA-F]{2}")) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
      }
      bits = (bits << 8) | Integer.parseInt(part, 16);
    }
    return new MacAddress(bits);
  }

  /** Group bit set (I/G, IEEE 802-2014 section 8.2): broadcast or multicast, flooded by bridges. */
  public boolean isMulticast() {
    return ((bits >>> 40) & 1) != 0;
  }

  public boolean isBroadcast() {
    return bits == BROADCAST.bits;
  }

  @Override
  public int compareTo(MacAddress other) {
    return Long.compare(bits, other.bits);
  }

  @Override
  public String toString() {
    // By hand, not String.format: run fingerprints print every container's MAC (150,000 of them).
    char[] text = new char[17];
    for (int i = 0, shift = 40; shift >= 0; i += 3, shift -= 8) {
      int octet = (int) (bits >>> shift) & 0xFF;
      text[i] = HEX_DIGITS[octet >>> 4];
      text[i + 1] = HEX_DIGITS[octet & 0xF];
      if (i + 2 < text.length) {
        text[i + 2] = ':';
      }
    }
    return new String(text);
  }

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
}
