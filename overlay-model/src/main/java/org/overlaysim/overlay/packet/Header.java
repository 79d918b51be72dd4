package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * A protocol header with a byte-exact encoding. Every codec writes at the buffer's position
 * (advancing it) in network byte order, and has a static {@code read(ByteBuffer)} that decodes at
 * the position, advances past the header and throws {@link MalformedPacketException} on bad bytes.
 * Encoding then decoding then encoding gives the same bytes.
 */
public sealed interface Header
    permits EthernetHeader,
        ArpPacket,
        Ipv4Header,
        IcmpMessage,
        UdpHeader,
        TcpHeader,
        VxlanHeader,
        GeneveHeader {

  /** Bytes {@link #write} produces. */
  int encodedLength();

  /** Writes the header at the buffer's position and advances it by {@link #encodedLength()}. */
  void write(ByteBuffer buffer);

  /** The header's bytes in a new array; for tests and captures, not the hot path. */
  default byte[] toBytes() {
    byte[] bytes = new byte[encodedLength()];
    write(ByteBuffer.wrap(bytes));
    return bytes;
  }
}
