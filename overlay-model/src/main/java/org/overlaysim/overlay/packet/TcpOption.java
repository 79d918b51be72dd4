package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * One TCP option (RFC 9293 section 3.1): end-of-list and no-operation are a single kind byte; every
 * other option is kind, length, data. Factories cover what Linux sends in a SYN: MSS, window scale
 * (RFC 7323), SACK-permitted (RFC 2018), timestamps (RFC 7323); and the SACK blocks of later
 * segments (RFC 2018).
 */
public record TcpOption(int kind, Octets data) {
  public static final int KIND_END_OF_LIST = 0;
  public static final int KIND_NO_OPERATION = 1;
  public static final int KIND_MAXIMUM_SEGMENT_SIZE = 2;
  public static final int KIND_WINDOW_SCALE = 3;
  public static final int KIND_SACK_PERMITTED = 4;
  public static final int KIND_SACK = 5;
  public static final int KIND_TIMESTAMPS = 8;

  private static final TcpOption END_OF_LIST = new TcpOption(KIND_END_OF_LIST, Octets.EMPTY);
  private static final TcpOption NO_OPERATION = new TcpOption(KIND_NO_OPERATION, Octets.EMPTY);

  public TcpOption {
    Wire.requireRange("TCP option kind", kind, 0, 255);
    if (data == null) {
      data = Octets.EMPTY;
    }
    if (isSingleByte(kind) && data.length() != 0) {
      throw new IllegalArgumentException("TCP option kind " + kind + " carries no data");
    }
    if (data.length() > 38) {
      throw new IllegalArgumentException("TCP option data longer than 38 bytes: " + data.length());
    }
  }

  public static TcpOption endOfList() {
    return END_OF_LIST;
  }

  public static TcpOption noOperation() {
    return NO_OPERATION;
  }

  public static TcpOption maximumSegmentSize(int mss) {
    Wire.requireRange("MSS", mss, 0, 0xffff);
    return new TcpOption(KIND_MAXIMUM_SEGMENT_SIZE, Octets.of((byte) (mss >>> 8), (byte) mss));
  }

  /** Window scale shift count; RFC 7323 caps it at 14. */
  public static TcpOption windowScale(int shift) {
    Wire.requireRange("window scale shift", shift, 0, 14);
    return new TcpOption(KIND_WINDOW_SCALE, Octets.of((byte) shift));
  }

  public static TcpOption sackPermitted() {
    return new TcpOption(KIND_SACK_PERMITTED, Octets.EMPTY);
  }

  public static TcpOption timestamps(long value, long echoReply) {
    Wire.requireRange("TSval", value, 0, 0xffff_ffffL);
    Wire.requireRange("TSecr", echoReply, 0, 0xffff_ffffL);
    byte[] bytes = new byte[8];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    Wire.putU32(buffer, (int) value);
    Wire.putU32(buffer, (int) echoReply);
    return new TcpOption(KIND_TIMESTAMPS, Octets.of(bytes));
  }

  /**
   * SACK blocks (RFC 2018 section 3): {@code count} pairs of 32-bit left and right edges from
   * {@code edges}, each taken modulo 2^32.
   */
  public static TcpOption sack(long[] edges, int count) {
    Wire.requireRange("SACK blocks", count, 1, 4);
    byte[] bytes = new byte[8 * count];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    for (int i = 0; i < 2 * count; i++) {
      Wire.putU32(buffer, (int) edges[i]);
    }
    return new TcpOption(KIND_SACK, Octets.of(bytes));
  }

  static boolean isSingleByte(int kind) {
    return kind == KIND_END_OF_LIST || kind == KIND_NO_OPERATION;
  }

  /** Bytes on the wire: 1 for EOL/NOP, else 2 + data. */
  public int encodedLength() {
    return isSingleByte(kind) ? 1 : 2 + data.length();
  }

  /** MSS value of a maximum-segment-size option. */
  public int maximumSegmentSize() {
    requireKind(KIND_MAXIMUM_SEGMENT_SIZE, 2);
    return data.get(0) << 8 | data.get(1);
  }

  public int windowScaleShift() {
    requireKind(KIND_WINDOW_SCALE, 1);
    return data.get(0);
  }

  public long timestampValue() {
    requireKind(KIND_TIMESTAMPS, 8);
    return word(0);
  }

  public long timestampEchoReply() {
    requireKind(KIND_TIMESTAMPS, 8);
    return word(4);
  }

  private long word(int index) {
    return (long) data.get(index) << 24
        | data.get(index + 1) << 16
        | data.get(index + 2) << 8
        | data.get(index + 3);
  }

  private void requireKind(int expectedKind, int expectedLength) {
    if (kind != expectedKind || data.length() != expectedLength) {
      throw new IllegalStateException("not a kind " + expectedKind + " option: " + this);
    }
  }

  void write(ByteBuffer buffer) {
    Wire.putU8(buffer, kind);
    if (!isSingleByte(kind)) {
      Wire.putU8(buffer, 2 + data.length());
      data.write(buffer);
    }
  }
}
