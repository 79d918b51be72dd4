package org.overlaysim.report.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a nanosecond-resolution libpcap capture of Ethernet frames (LINKTYPE_ETHERNET, snaplen
 * 262144), big-endian, streamed through a buffer: memory stays constant whatever the capture's
 * size. Wireshark and tshark open the files directly.
 */
public final class PcapWriter implements Closeable, Flushable {
  private static final int BUFFER_BYTES = 1 << 16;
  private static final long MAXIMUM_SECONDS = 0xffff_ffffL;

  private final OutputStream out;
  private final byte[] recordHeader = new byte[PcapFormat.RECORD_HEADER_LENGTH];
  private long packetsWritten;

  /** Writes the file header at once; the stream is closed by {@link #close()}. */
  public PcapWriter(OutputStream destination) throws IOException {
    this.out = new BufferedOutputStream(destination, BUFFER_BYTES);
    byte[] header = new byte[PcapFormat.FILE_HEADER_LENGTH];
    putU32(header, 0, PcapFormat.MAGIC_NANOSECONDS);
    putU16(header, 4, PcapFormat.VERSION_MAJOR);
    putU16(header, 6, PcapFormat.VERSION_MINOR);
    putU32(header, 8, 0); // thiszone: timestamps are UTC
    putU32(header, 12, 0); // sigfigs
    putU32(header, 16, PcapFormat.SNAPLEN);
    putU32(header, 20, PcapFormat.LINKTYPE_ETHERNET);
    out.write(header);
  }

  /** Records {@code length} real bytes of {@code frame} at {@code timestampNs}. */
  public void write(long timestampNs, byte[] frame, int offset, int length) throws IOException {
    int captured = Math.min(length, PcapFormat.SNAPLEN);
    writeRecordHeader(timestampNs, captured, length);
    out.write(frame, offset, captured);
    packetsWritten++;
  }

  public long packetsWritten() {
    return packetsWritten;
  }

  private void writeRecordHeader(long timestampNs, int captured, int original) throws IOException {
    if (timestampNs < 0 || timestampNs / 1_000_000_000L > MAXIMUM_SECONDS) {
      throw new IllegalArgumentException(
          "timestamp outside the pcap range: " + timestampNs + " ns");
    }
    putU32(recordHeader, 0, (int) (timestampNs / 1_000_000_000L));
    putU32(recordHeader, 4, (int) (timestampNs % 1_000_000_000L));
    putU32(recordHeader, 8, captured);
    putU32(recordHeader, 12, original);
    out.write(recordHeader);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static void putU16(byte[] bytes, int index, int value) {
    bytes[index] = (byte) (value >>> 8);
    bytes[index + 1] = (byte) value;
  }

  private static void putU32(byte[] bytes, int index, int value) {
    putU16(bytes, index, value >>> 16);
    putU16(bytes, index + 2, value);
  }
}
