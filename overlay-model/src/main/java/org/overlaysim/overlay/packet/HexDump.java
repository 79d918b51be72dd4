package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/** tcpdump-style hex dump (offset, 16 bytes per line) for error messages and test failures. */
public final class HexDump {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private HexDump() {}

  /** Dumps {@code length} bytes of {@code bytes} from {@code offset}. */
  public static String format(byte[] bytes, int offset, int length) {
    return format(ByteBuffer.wrap(bytes), offset, length);
  }

  /** Dumps {@code length} bytes of {@code buffer} from absolute index {@code from}. */
  public static String format(ByteBuffer buffer, int from, int length) {
    if (length <= 0) {
      return "  (no bytes)";
    }
    StringBuilder out = new StringBuilder(length * 4);
    for (int line = 0; line < length; line += 16) {
      if (line > 0) {
        out.append(System.lineSeparator());
      }
      out.append("  ").append(String.format("%04x", line)).append(':');
      for (int i = line; i < Math.min(line + 16, length); i++) {
        int b = buffer.get(from + i) & 0xff;
        out.append(' ').append(DIGITS[b >>> 4]).append(DIGITS[b & 0xf]);
      }
    }
    return out.toString();
  }

  /** Bytes as lowercase hex without separators, e.g. {@code "4500"}. */
  public static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte value : bytes) {
      out.append(DIGITS[(value >>> 4) & 0xf]).append(DIGITS[value & 0xf]);
    }
    return out.toString();
  }

  /** Parses hex, ignoring whitespace, e.g. {@code "4500 0073"}; for tests and golden vectors. */
  public static byte[] parse(String hex) {
    String digits = hex.replaceAll("\\s+", "");
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
    }
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(digits.charAt(2 * i), 16);
      int low = Character.digit(digits.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("not a hex digit near index " + 2 * i);
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }
}
