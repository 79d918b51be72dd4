package org.overlaysim.topology;

/**
 * What an IP packet occupies on an Ethernet wire (IEEE 802.3): preamble and start-of-frame
 * delimiter (8 bytes), MAC header (14), FCS (4), padding up to the 64-byte minimum frame, and the
 * 12-byte inter-frame gap during which the wire is idle but unusable. A 1500-byte IP packet takes
 * 1538 byte-times; anything up to 46 bytes of IP takes 84.
 */
public final class EthernetFraming {
  public static final int PREAMBLE_AND_SFD_BYTES = 8;
  public static final int HEADER_BYTES = 14;
  public static final int FCS_BYTES = 4;
  public static final int INTER_FRAME_GAP_BYTES = 12;
  public static final int MIN_FRAME_BYTES = 64;

  private EthernetFraming() {}

  /** Frame size from destination MAC to FCS, padded to the minimum frame. */
  public static int frameBytes(int ipLength) {
    return Math.max(ipLength + HEADER_BYTES + FCS_BYTES, MIN_FRAME_BYTES);
  }

  /** Byte-times the packet occupies on the wire, preamble and inter-frame gap included. */
  public static int wireBytes(int ipLength) {
    return frameBytes(ipLength) + PREAMBLE_AND_SFD_BYTES + INTER_FRAME_GAP_BYTES;
  }

  /** Serialization time of the packet at {@code bandwidthBps}, rounded to the nearest ns. */
  public static long serializationNs(int ipLength, long bandwidthBps) {
    long bits = wireBytes(ipLength) * 8L;
    return (bits * 1_000_000_000L + bandwidthBps / 2) / bandwidthBps;
  }
}
