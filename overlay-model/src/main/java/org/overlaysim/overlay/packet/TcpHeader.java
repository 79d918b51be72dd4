package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.overlaysim.scenario.Ipv4;

/**
 * A TCP header (RFC 9293 section 3.1) with options. The data offset is derived from the options,
 * whose encoded length must be a multiple of 4 (at most 40): pad with {@link #padWithNoOperations}
 * as Linux aligns with NOPs. The four reserved bits must be zero. Sequence and acknowledgement
 * numbers are unsigned 32-bit values in a long.
 */
public record TcpHeader(
    int sourcePort,
    int destinationPort,
    long sequenceNumber,
    long acknowledgementNumber,
    int flags,
    int window,
    int checksum,
    int urgentPointer,
    List<TcpOption> options)
    implements Header {
  public static final int SOURCE_PORT_OFFSET = 0;
  public static final int DESTINATION_PORT_OFFSET = 2;
  public static final int SEQUENCE_OFFSET = 4;
  public static final int ACKNOWLEDGEMENT_OFFSET = 8;
  public static final int DATA_OFFSET_OFFSET = 12;
  public static final int FLAGS_OFFSET = 13;
  public static final int WINDOW_OFFSET = 14;
  public static final int CHECKSUM_OFFSET = 16;
  public static final int URGENT_POINTER_OFFSET = 18;
  public static final int OPTIONS_OFFSET = 20;
  public static final int MINIMUM_LENGTH = 20;
  public static final int MAXIMUM_OPTIONS_LENGTH = 40;

  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  private static final String NAME = "TCP header";

  public TcpHeader {
    Wire.requireRange("TCP source port", sourcePort, 0, 0xffff);
    Wire.requireRange("TCP destination port", destinationPort, 0, 0xffff);
    Wire.requireRange("sequence number", sequenceNumber, 0, 0xffff_ffffL);
    Wire.requireRange("acknowledgement number", acknowledgementNumber, 0, 0xffff_ffffL);
    Wire.requireRange("TCP flags", flags, 0, 0xff);
    Wire.requireRange("window", window, 0, 0xffff);
    Wire.requireRange("TCP checksum", checksum, 0, 0xffff);
    Wire.requireRange("urgent pointer", urgentPointer, 0, 0xffff);
    options = options == null ? List.of() : List.copyOf(options);
    int length = optionsLength(options);
    if (length % 4 != 0 || length > MAXIMUM_OPTIONS_LENGTH) {
      throw new IllegalArgumentException(
          "TCP options must take a multiple of 4 bytes, at most 40 (pad with NOPs); took "
              + length);
    }
  }

  /** Appends NOPs until the options' length is a multiple of 4. */
  public static List<TcpOption> padWithNoOperations(List<TcpOption> options) {
    List<TcpOption> padded = new ArrayList<>(options);
    while (optionsLength(padded) % 4 != 0) {
      padded.add(TcpOption.noOperation());
    }
    return padded;
  }

  /**
   * The options of a Linux SYN: MSS, SACK-permitted, timestamps, NOP, window scale (20 bytes; as
   * tcp_options_write orders them).
   */
  public static List<TcpOption> linuxSynOptions(int mss, long timestampValue, int windowScale) {
    return List.of(
        TcpOption.maximumSegmentSize(mss),
        TcpOption.sackPermitted(),
        TcpOption.timestamps(timestampValue, 0),
        TcpOption.noOperation(),
        TcpOption.windowScale(windowScale));
  }

  private static int optionsLength(List<TcpOption> options) {
    int length = 0;
    for (int i = 0; i < options.size(); i++) {
      length += options.get(i).encodedLength();
    }
    return length;
  }

  public int headerLength() {
    return MINIMUM_LENGTH + optionsLength(options);
  }

  public boolean hasFlags(int mask) {
    return (flags & mask) == mask;
  }

  /**
   * Checksum over the IPv4 pseudo-header, this header and a payload of {@code payloadLength} bytes
   * whose unfolded sum is {@code payloadSum} (0 for a virtual zero payload).
   */
  public int computeChecksum(Ipv4 source, Ipv4 destination, int payloadLength, long payloadSum) {
    int segmentLength = headerLength() + payloadLength;
    long sum = InternetChecksum.pseudoHeaderSum(source, destination, IpProtocol.TCP, segmentLength);
    sum += sourcePort + destinationPort;
    sum += (sequenceNumber >>> 16) + (sequenceNumber & 0xffff);
    sum += (acknowledgementNumber >>> 16) + (acknowledgementNumber & 0xffff);
    sum += (headerLength() / 4) << 12 | flags;
    sum += window + urgentPointer;
    byte[] optionBytes = new byte[headerLength() - MINIMUM_LENGTH];
    ByteBuffer buffer = ByteBuffer.wrap(optionBytes);
    for (int i = 0; i < options.size(); i++) {
      options.get(i).write(buffer);
    }
    sum += InternetChecksum.sum(optionBytes, 0, optionBytes.length);
    return InternetChecksum.checksum(sum + payloadSum);
  }

  public TcpHeader withChecksum(int newChecksum) {
    return new TcpHeader(
        sourcePort,
        destinationPort,
        sequenceNumber,
        acknowledgementNumber,
        flags,
        window,
        newChecksum,
        urgentPointer,
        options);
  }

  public TcpHeader withComputedChecksum(
      Ipv4 source, Ipv4 destination, int payloadLength, long payloadSum) {
    return withChecksum(computeChecksum(source, destination, payloadLength, payloadSum));
  }

  /** The first option of {@code kind}, or null. */
  public TcpOption option(int kind) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).kind() == kind) {
        return options.get(i);
      }
    }
    return null;
  }

  @Override
  public int encodedLength() {
    return headerLength();
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU16(buffer, sourcePort);
    Wire.putU16(buffer, destinationPort);
    Wire.putU32(buffer, (int) sequenceNumber);
    Wire.putU32(buffer, (int) acknowledgementNumber);
    Wire.putU8(buffer, (headerLength() / 4) << 4);
    Wire.putU8(buffer, flags);
    Wire.putU16(buffer, window);
    Wire.putU16(buffer, checksum);
    Wire.putU16(buffer, urgentPointer);
    for (int i = 0; i < options.size(); i++) {
      options.get(i).write(buffer);
    }
  }

  public static TcpHeader read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, MINIMUM_LENGTH, NAME);
    int p = buffer.position();
    int offsetByte = Wire.u8(buffer, p + DATA_OFFSET_OFFSET);
    int headerLength = (offsetByte >>> 4) * 4;
    if (headerLength < MINIMUM_LENGTH) {
      throw MalformedPacketException.at(
          buffer, NAME, "data offset " + (offsetByte >>> 4) + " is below the minimum of 5");
    }
    if ((offsetByte & 0x0f) != 0) {
      throw MalformedPacketException.at(buffer, NAME, "reserved bits set (RFC 9293: must be 0)");
    }
    MalformedPacketException.requireRemaining(buffer, headerLength, NAME);
    List<TcpOption> options = readOptions(buffer, p + OPTIONS_OFFSET, p + headerLength);
    TcpHeader header =
        new TcpHeader(
            Wire.u16(buffer, p + SOURCE_PORT_OFFSET),
            Wire.u16(buffer, p + DESTINATION_PORT_OFFSET),
            Wire.u32(buffer, p + SEQUENCE_OFFSET) & 0xffff_ffffL,
            Wire.u32(buffer, p + ACKNOWLEDGEMENT_OFFSET) & 0xffff_ffffL,
            Wire.u8(buffer, p + FLAGS_OFFSET),
            Wire.u16(buffer, p + WINDOW_OFFSET),
            Wire.u16(buffer, p + CHECKSUM_OFFSET),
            Wire.u16(buffer, p + URGENT_POINTER_OFFSET),
            options);
    buffer.position(p + headerLength);
    return header;
  }

  /**
   * Options up to {@code end}. After end-of-list only zero padding may follow (RFC 9293); each
   * padding byte is kept as another end-of-list so the header re-encodes byte for byte.
   */
  private static List<TcpOption> readOptions(ByteBuffer buffer, int from, int end) {
    List<TcpOption> options = new ArrayList<>(4);
    int i = from;
    boolean ended = false;
    while (i < end) {
      int kind = Wire.u8(buffer, i);
      if (ended && kind != TcpOption.KIND_END_OF_LIST) {
        throw MalformedPacketException.at(buffer, NAME, "non-zero byte after end-of-option-list");
      }
      if (TcpOption.isSingleByte(kind)) {
        options.add(kind == 0 ? TcpOption.endOfList() : TcpOption.noOperation());
        ended |= kind == TcpOption.KIND_END_OF_LIST;
        i++;
        continue;
      }
      if (i + 1 >= end) {
        throw MalformedPacketException.at(buffer, NAME, "option kind " + kind + " lacks a length");
      }
      int length = Wire.u8(buffer, i + 1);
      if (length < 2 || i + length > end) {
        throw MalformedPacketException.at(
            buffer, NAME, "option kind " + kind + " has a bad length " + length);
      }
      options.add(new TcpOption(kind, Octets.read(buffer, i + 2, length - 2)));
      i += length;
    }
    return options;
  }
}
