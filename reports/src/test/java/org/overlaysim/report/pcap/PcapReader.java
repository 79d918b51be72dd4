package org.overlaysim.report.pcap;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads libpcap files of either byte order and either timestamp resolution, for the tests that read
 * back what {@link PcapWriter} wrote. A truncated or garbled file is an {@link IOException} naming
 * what is wrong.
 */
public final class PcapReader implements Closeable {
  private final InputStream in;
  private final boolean bigEndian;
  private final boolean nanoseconds;
  private final int snapLength;
  private final int linkType;
  private final byte[] recordHeader = new byte[PcapFormat.RECORD_HEADER_LENGTH];

  public PcapReader(InputStream source) throws IOException {
    this.in = new BufferedInputStream(source);
    byte[] header = new byte[PcapFormat.FILE_HEADER_LENGTH];
    if (in.readNBytes(header, 0, header.length) != header.length) {
      throw new EOFException("not a pcap file: shorter than the 24-byte file header");
    }
    int magic = u32(header, 0, true);
    if (magic == PcapFormat.MAGIC_NANOSECONDS || magic == PcapFormat.MAGIC_MICROSECONDS) {
      bigEndian = true;
    } else if (Integer.reverseBytes(magic) == PcapFormat.MAGIC_NANOSECONDS
        || Integer.reverseBytes(magic) == PcapFormat.MAGIC_MICROSECONDS) {
      bigEndian = false;
      magic = Integer.reverseBytes(magic);
    } else {
      throw new IOException("not a pcap file: magic 0x" + Integer.toHexString(magic));
    }
    nanoseconds = magic == PcapFormat.MAGIC_NANOSECONDS;
    snapLength = u32(header, 16, bigEndian);
    linkType = u32(header, 20, bigEndian);
  }

  public boolean nanosecondResolution() {
    return nanoseconds;
  }

  public int snapLength() {
    return snapLength;
  }

  public int linkType() {
    return linkType;
  }

  /** The next record, or null at the end of the file. */
  public PcapRecord next() throws IOException {
    int read = in.readNBytes(recordHeader, 0, recordHeader.length);
    if (read == 0) {
      return null;
    }
    if (read != recordHeader.length) {
      throw new EOFException("truncated record header: " + read + " of 16 bytes");
    }
    long seconds = u32(recordHeader, 0, bigEndian) & 0xffff_ffffL;
    long fraction = u32(recordHeader, 4, bigEndian) & 0xffff_ffffL;
    int captured = u32(recordHeader, 8, bigEndian);
    int original = u32(recordHeader, 12, bigEndian);
    if (captured < 0 || captured > Math.max(snapLength, PcapFormat.SNAPLEN)) {
      throw new IOException(
          "record captures " + (captured & 0xffff_ffffL) + " bytes, beyond the snap length");
    }
    byte[] data = in.readNBytes(captured);
    if (data.length != captured) {
      throw new EOFException("truncated record: " + data.length + " of " + captured + " bytes");
    }
    long timestampNs = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1000);
    return new PcapRecord(timestampNs, original, data);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static int u32(byte[] b, int i, boolean bigEndian) {
    int value =
        (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    return bigEndian ? value : Integer.reverseBytes(value);
  }
}
