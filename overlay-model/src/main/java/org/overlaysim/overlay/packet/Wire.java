package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * Big-endian field access independent of the buffer's byte order (network byte order, RFC 1700),
 * absolute reads and relative writes, like ns-3's {@code WriteHtonU16}.
 */
final class Wire {
  private Wire() {}

  static int u8(ByteBuffer b, int index) {
    return b.get(index) & 0xff;
  }

  static int u16(ByteBuffer b, int index) {
    return (b.get(index) & 0xff) << 8 | (b.get(index + 1) & 0xff);
  }

  static int u24(ByteBuffer b, int index) {
    return (b.get(index) & 0xff) << 16 | (b.get(index + 1) & 0xff) << 8 | (b.get(index + 2) & 0xff);
  }

  static int u32(ByteBuffer b, int index) {
    return u16(b, index) << 16 | u16(b, index + 2);
  }

  static long u48(ByteBuffer b, int index) {
    return (long) u16(b, index) << 32 | (u32(b, index + 2) & 0xffffffffL);
  }

  static void putU8(ByteBuffer b, int value) {
    b.put((byte) value);
  }

  static void putU16(ByteBuffer b, int value) {
    b.put((byte) (value >>> 8));
    b.put((byte) value);
  }

  static void putU24(ByteBuffer b, int value) {
    b.put((byte) (value >>> 16));
    b.put((byte) (value >>> 8));
    b.put((byte) value);
  }

  static void putU32(ByteBuffer b, int value) {
    putU16(b, value >>> 16);
    putU16(b, value);
  }

  static void putU48(ByteBuffer b, long value) {
    putU16(b, (int) (value >>> 32));
    putU32(b, (int) value);
  }

  static void requireRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in " + min + ".." + max + ", was " + value);
    }
  }
}
