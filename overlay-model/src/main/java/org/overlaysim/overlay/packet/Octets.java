package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An immutable run of real bytes inside a header (IPv4 options, Geneve option data, the quoted
 * datagram of an ICMP error), with value equality so the records holding it compare by content.
 */
public final class Octets {
  /** No bytes. */
  public static final Octets EMPTY = new Octets(new byte[0]);

  private final byte[] bytes;

  private Octets(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}. */
  public static Octets of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
  }

  /** Parses hex digits, whitespace ignored. */
  public static Octets ofHex(String hex) {
    return of(HexDump.parse(hex));
  }

  /** {@code length} zero bytes. */
  public static Octets zeros(int length) {
    return length == 0 ? EMPTY : new Octets(new byte[length]);
  }

  static Octets read(ByteBuffer buffer, int index, int length) {
    if (length == 0) {
      return EMPTY;
    }
    byte[] copy = new byte[length];
    for (int i = 0; i < length; i++) {
      copy[i] = buffer.get(index + i);
    }
    return new Octets(copy);
  }

  public int length() {
    return bytes.length;
  }

  /** The unsigned byte at {@code index}. */
  public int get(int index) {
    return bytes[index] & 0xff;
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  void write(ByteBuffer buffer) {
    buffer.put(bytes);
  }

  /** One's-complement partial sum of the bytes as if they started at an even offset. */
  long checksumSum() {
    return InternetChecksum.sum(bytes, 0, bytes.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Octets o && Arrays.equals(bytes, o.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexDump.hex(bytes);
  }
}
