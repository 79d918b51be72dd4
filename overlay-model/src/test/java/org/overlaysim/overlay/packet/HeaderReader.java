package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * A header decoder: a codec's static {@code read} as a method reference ({@code Ipv4Header::read}).
 */
@FunctionalInterface
public interface HeaderReader<T extends Header> {
  /** Decodes at the buffer's position and advances past the header. */
  T read(ByteBuffer buffer);
}
