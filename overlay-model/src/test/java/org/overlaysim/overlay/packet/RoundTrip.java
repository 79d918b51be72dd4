package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

/** Encode → decode → encode must give the same bytes and an equal header (ns-3's header test). */
final class RoundTrip {
  private RoundTrip() {}

  static <T extends Header> T check(T header, HeaderReader<T> reader) {
    byte[] first = header.toBytes();
    ByteBuffer buffer = ByteBuffer.wrap(first);
    T decoded = reader.read(buffer);
    assertThat(buffer.position()).as("decoder consumed the whole header").isEqualTo(first.length);
    assertThat(decoded).isEqualTo(header);
    assertThat(decoded.toBytes()).isEqualTo(first);
    return decoded;
  }

  /** Decodes {@code bytes} and re-encodes them: the known bytes must come back unchanged. */
  static <T extends Header> T decodeAndReencode(byte[] bytes, HeaderReader<T> reader) {
    T decoded = reader.read(ByteBuffer.wrap(bytes));
    assertThat(HexDump.hex(decoded.toBytes())).isEqualTo(HexDump.hex(bytes));
    return decoded;
  }
}
