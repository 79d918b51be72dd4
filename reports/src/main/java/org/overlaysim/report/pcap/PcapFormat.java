package org.overlaysim.report.pcap;

/**
 * Constants of the libpcap file format (draft-ietf-opsawg-pcap, "PCAP Capture File Format"): a
 * 24-byte file header, then per packet a 16-byte record header and the captured bytes.
 */
public final class PcapFormat {
  /** Magic of nanosecond-resolution files; readers detect byte order from it. */
  public static final int MAGIC_NANOSECONDS = 0xa1b23c4d;

  /** Magic of classic microsecond-resolution files. */
  public static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;

  public static final int VERSION_MAJOR = 2;
  public static final int VERSION_MINOR = 4;

  /** LINKTYPE_ETHERNET: IEEE 802.3 frames without preamble and FCS. */
  public static final int LINKTYPE_ETHERNET = 1;

  /** tcpdump's and Wireshark's default snapshot length. */
  public static final int SNAPLEN = 262144;

  public static final int FILE_HEADER_LENGTH = 24;
  public static final int RECORD_HEADER_LENGTH = 16;

  private PcapFormat() {}
}
