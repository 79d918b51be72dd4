package org.overlaysim.overlay.packet;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an IPv4 datagram to fit an MTU as RFC 791 section 3.2 and Linux's ip_do_fragment do it:
 * every fragment but the last carries a multiple of 8 payload bytes, (mtu - header) rounded down;
 * offsets in 8-byte units; MF on all but the last (which keeps the original MF, for refragmenting a
 * fragment); same identification. Options not marked "copied" are replaced by NOPs in later
 * fragments, keeping the header length (ip_options_fragment). A 1500-byte datagram on a 1400 MTU
 * becomes 1396 + 124 bytes.
 */
public final class Ipv4Fragmenter {
  private Ipv4Fragmenter() {}

  /**
   * The fragments of the datagram at the front of {@code datagram} (no link header), or the
   * datagram itself when it fits. Real bytes stay real, the virtual payload is split by length.
   *
   * @throws IllegalArgumentException if it does not fit and DF is set: the caller answers with ICMP
   *     fragmentation needed instead (RFC 1191)
   */
  public static List<Packet> fragment(Packet datagram, int mtu) {
    Ipv4Header header = datagram.peek(Ipv4Header::read);
    if (header.totalLength() <= mtu) {
      return List.of(datagram);
    }
    if (header.dontFragment()) {
      throw new IllegalArgumentException(
          "datagram of " + header.totalLength() + " bytes exceeds MTU " + mtu + " with DF set");
    }
    int headerLength = header.headerLength();
    int maximumData = (mtu - headerLength) & ~7;
    if (maximumData < 8) {
      throw new IllegalArgumentException(
          "MTU "
              + mtu
              + " leaves no room for 8 payload bytes after a "
              + headerLength
              + "-byte header");
    }
    int payloadLength = header.payloadLength();
    int realPayload =
        Math.max(0, Math.min(datagram.realLength(), header.totalLength()) - headerLength);
    Octets laterOptions = optionsForLaterFragments(header.options());
    List<Packet> fragments = new ArrayList<>(payloadLength / maximumData + 1);
    for (int offset = 0; offset < payloadLength; offset += maximumData) {
      int length = Math.min(maximumData, payloadLength - offset);
      boolean last = offset + length == payloadLength;
      int realFrom = headerLength + Math.min(offset, realPayload);
      int realTo = headerLength + Math.min(offset + length, realPayload);
      Packet fragment = datagram.slice(realFrom, realTo, length - (realTo - realFrom));
      fragment.push(
          header.withFragment(
              headerLength + length,
              !last || header.moreFragments(),
              header.fragmentOffset() + offset / 8,
              offset == 0 ? header.options() : laterOptions));
      fragments.add(fragment);
    }
    return fragments;
  }

  /** Linux's ip_options_fragment: non-copied options become NOPs, the length stays. */
  static Octets optionsForLaterFragments(Octets options) {
    if (options.length() == 0) {
      return options;
    }
    byte[] bytes = options.toArray();
    int i = 0;
    while (i < bytes.length) {
      int type = bytes[i] & 0xff;
      if (type == 0) {
        break;
      }
      if (type == 1) {
        i++;
        continue;
      }
      int length = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
      if (length < 2 || i + length > bytes.length) {
        break;
      }
      if ((type & 0x80) == 0) {
        java.util.Arrays.fill(bytes, i, i + length, (byte) 1);
      }
      i += length;
    }
    return Octets.of(bytes);
  }
}
