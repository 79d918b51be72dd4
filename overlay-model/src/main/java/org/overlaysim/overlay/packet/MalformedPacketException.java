package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * Bytes that do not decode as the header they should be: truncated, a wrong version, reserved bits
 * set. The message names the header, the offset and the problem, followed by a hex dump of the
 * offending bytes, so a bad frame can be read off a log line. Decoders throw this and never an
 * index exception (DESIGN convention 7).
 */
public final class MalformedPacketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** At most this many bytes are dumped: enough for any header stack we decode. */
  static final int MAX_DUMP_BYTES = 128;

  private final String header;
  private final int offset;
  private final String problem;
  private final String dump;

  private MalformedPacketException(String header, int offset, String problem, String dump) {
    super(
        "malformed "
            + header
            + " at offset "
            + offset
            + ": "
            + problem
            + System.lineSeparator()
            + dump);
    this.header = header;
    this.offset = offset;
    this.problem = problem;
    this.dump = dump;
  }

  /**
   * A decoding failure of {@code header} at the buffer's current position; the dump shows the bytes
   * from there to the buffer's limit (at most {@value #MAX_DUMP_BYTES}).
   */
  public static MalformedPacketException at(ByteBuffer buffer, String header, String problem) {
    int from = buffer.position();
    int length = Math.min(buffer.limit() - from, MAX_DUMP_BYTES);
    return new MalformedPacketException(
        header, from, problem, HexDump.format(buffer, from, Math.max(length, 0)));
  }

  /** The same failure with its offset counted from {@code origin} (e.g. a packet's first byte). */
  MalformedPacketException relativeTo(int origin) {
    MalformedPacketException shifted =
        new MalformedPacketException(header, offset - origin, problem, dump);
    shifted.setStackTrace(getStackTrace());
    return shifted;
  }

  /** Throws unless at least {@code needed} bytes remain after the buffer's position. */
  static void requireRemaining(ByteBuffer buffer, int needed, String header) {
    if (buffer.remaining() < needed) {
      throw at(
          buffer,
          header,
          "truncated: needs " + needed + " bytes, " + buffer.remaining() + " remain");
    }
  }

  /** What is wrong, e.g. {@code "truncated: needs 20 bytes, 6 remain"}. */
  public String problem() {
    return problem;
  }

  /** The header that failed to decode, e.g. {@code "IPv4 header"}. */
  public String header() {
    return header;
  }

  /** Offset of the header's first byte in the buffer (or packet) that was being decoded. */
  public int offset() {
    return offset;
  }
}
