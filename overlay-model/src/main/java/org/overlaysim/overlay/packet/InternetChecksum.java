package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import org.overlaysim.scenario.Ipv4;

/**
 * The Internet checksum (RFC 1071): the one's-complement of the one's-complement sum of 16-bit
 * big-endian words. Sums are kept unfolded in a {@code long} so partial sums over separate regions
 * (pseudo-header, header, payload) simply add, as long as each region starts at an even offset of
 * the checksummed data. Zero bytes add nothing, so a virtual zero payload costs nothing but its
 * length in the pseudo-header.
 */
public final class InternetChecksum {
  private InternetChecksum() {}

  /**
   * Unfolded sum of {@code length} bytes from {@code offset}; an odd last byte is the high half.
   */
  public static long sum(byte[] bytes, int offset, int length) {
    long sum = 0;
    int i = offset;
    int end = offset + length;
    for (; i + 1 < end; i += 2) {
      sum += (bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff);
    }
    if (i < end) {
      sum += (bytes[i] & 0xff) << 8;
    }
    return sum;
  }

  /** Unfolded sum of {@code length} bytes of {@code buffer} from absolute index {@code from}. */
  public static long sum(ByteBuffer buffer, int from, int length) {
    long sum = 0;
    int i = from;
    int end = from + length;
    for (; i + 1 < end; i += 2) {
      sum += Wire.u16(buffer, i);
    }
    if (i < end) {
      sum += Wire.u8(buffer, i) << 8;
    }
    return sum;
  }

  /** The IPv4 pseudo-header of UDP and TCP (RFC 768, RFC 9293 section 3.1). */
  public static long pseudoHeaderSum(Ipv4 source, Ipv4 destination, int protocol, int length) {
    int s = source.bits();
    int d = destination.bits();
    return (s >>> 16) + (s & 0xffff) + (d >>> 16) + (d & 0xffff) + protocol + length;
  }

  /** Folds the carries back in: the 16-bit one's-complement sum. */
  public static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) sum;
  }

  /** The checksum field value for data whose unfolded sum (checksum field zero) is {@code sum}. */
  public static int checksum(long sum) {
    return ~fold(sum) & 0xffff;
  }

  /** True if data including its checksum field sums to all ones, i.e. verifies (RFC 1071). */
  public static boolean verifies(long sumIncludingChecksum) {
    return fold(sumIncludingChecksum) == 0xffff;
  }
}
