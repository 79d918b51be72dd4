package org.overlaysim.scenario;

/** An IPv4 prefix such as {@code 172.20.0.0/16}; host bits of {@code network} are zero. */
public record Cidr(Ipv4 network, int prefixLength) {

  public Cidr {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0..32");
    }
    if ((network.bits() & ~mask(prefixLength)) != 0) {
      throw new IllegalArgumentException("host bits set in " + network + "/" + prefixLength);
    }
  }

  /** Parses {@code a.b.c.d/n}; a prefix with host bits set is refused with the likely intent. */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR prefix (a.b.c.d/n)");
    }
    Ipv4 address = Ipv4.parse(text.substring(0, slash));
    String lengthText = text.substring(slash + 1);
    if (lengthText.isEmpty()
        || lengthText.length() > 2
        || !lengthText.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + text + "' has no prefix length 0..32 after '/'");
    }
    int length = Integer.parseInt(lengthText);
    if (length > 32) {
      throw new IllegalArgumentException("'" + text + "': prefix length " + length + " above 32");
    }
    int masked = address.bits() & mask(length);
    if (masked != address.bits()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' has host bits set (did you mean "
              + new Ipv4(masked)
              + "/"
              + length
              + "?)");
    }
    return new Cidr(address, length);
  }

  static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  public long size() {
    return 1L << (32 - prefixLength);
  }

  public boolean contains(Ipv4 address) {
    return (address.bits() & mask(prefixLength)) == network.bits();
  }

  public boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.network);
  }

  public boolean overlaps(Cidr other) {
    return contains(other.network) || other.contains(network);
  }

  public Ipv4 broadcast() {
    return new Ipv4(network.bits() | ~mask(prefixLength));
  }

  /** The first address hosts may use: the network address itself only for /31 and /32. */
  public Ipv4 firstUsable() {
    return prefixLength >= 31 ? network : network.plus(1);
  }

  /** The last address hosts may use: broadcast excluded except for /31 (RFC 3021) and /32. */
  public Ipv4 lastUsable() {
    return prefixLength >= 31 ? broadcast() : broadcast().plus(-1);
  }

  public long usableCount() {
    return lastUsable().unsigned() - firstUsable().unsigned() + 1;
  }

  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }
}
