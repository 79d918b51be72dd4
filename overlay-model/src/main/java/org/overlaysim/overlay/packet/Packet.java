package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * A packet as it is on the wire: real header bytes followed by a payload that is usually only a
 * length (a virtual payload of zero bytes, as ns-3 keeps it), so a million packets do not cost a
 * million payload arrays. Encapsulation pushes real outer headers in front (into headroom, like an
 * sk_buff); decapsulation pops them. Offsets in this API count from the packet's first byte.
 *
 * <p>Simulation metadata (uid, flow id, creation time, ingress interface) travels beside the bytes,
 * never in them (INET's packet tags). A packet is mutable and owned by one holder at a time; {@link
 * #copy()} before handing the same packet to two places (head-end replication).
 */
public final class Packet {
  /** Room for outer headers without reallocation: two full VXLAN/Geneve stacks with options. */
  public static final int DEFAULT_HEADROOM = 128;

  /** Marks unset integer metadata. */
  public static final int NO_INTERFACE = -1;

  private byte[] data;
  private ByteBuffer view;
  private int start;
  private int end;
  private int virtualPayloadLength;

  private long uid;
  private long flowId = -1;
  private long createdAtNs;
  private int ingressInterface = NO_INTERFACE;

  private Packet(byte[] data, int start, int end, int virtualPayloadLength) {
    if (virtualPayloadLength < 0) {
      throw new IllegalArgumentException(
          "virtual payload length must be >= 0: " + virtualPayloadLength);
    }
    this.data = data;
    this.view = ByteBuffer.wrap(data);
    this.start = start;
    this.end = end;
    this.virtualPayloadLength = virtualPayloadLength;
  }

  /** A packet of {@code virtualPayloadLength} zero bytes and no headers yet. */
  public static Packet withVirtualPayload(int virtualPayloadLength) {
    return new Packet(
        new byte[DEFAULT_HEADROOM], DEFAULT_HEADROOM, DEFAULT_HEADROOM, virtualPayloadLength);
  }

  /** A packet whose bytes are all real, e.g. a frame read from a capture. */
  public static Packet ofBytes(byte[] bytes) {
    return ofBytes(bytes, 0);
  }

  /** Real {@code bytes} followed by {@code virtualPayloadLength} zero bytes. */
  public static Packet ofBytes(byte[] bytes, int virtualPayloadLength) {
    byte[] data = new byte[DEFAULT_HEADROOM + bytes.length];
    System.arraycopy(bytes, 0, data, DEFAULT_HEADROOM, bytes.length);
    return new Packet(data, DEFAULT_HEADROOM, data.length, virtualPayloadLength);
  }

  /** Total length on the wire: real bytes plus virtual payload. */
  public int length() {
    return end - start + virtualPayloadLength;
  }

  /** Number of real (materialized) bytes at the front. */
  public int realLength() {
    return end - start;
  }

  public int virtualPayloadLength() {
    return virtualPayloadLength;
  }

  /** Writes {@code header} in front of the packet. */
  public void push(Header header) {
    int size = header.encodedLength();
    if (start < size) {
      growHeadroom(size);
    }
    int newStart = start - size;
    view.limit(start).position(newStart);
    header.write(view);
    if (view.position() != start) {
      throw new IllegalStateException(
          header.getClass().getSimpleName()
              + " wrote "
              + (view.position() - newStart)
              + " bytes but declared "
              + size);
    }
    start = newStart;
  }

  /** Decodes the header at the front and removes its bytes. */
  public <T extends Header> T pop(HeaderReader<T> reader) {
    view.limit(end).position(start);
    T header;
    try {
      header = reader.read(view);
    } catch (MalformedPacketException e) {
      throw e.relativeTo(start);
    }
    start = view.position();
    return header;
  }

  /** Decodes the header at the front without removing it. */
  public <T extends Header> T peek(HeaderReader<T> reader) {
    return peek(0, reader);
  }

  /** Decodes the header at {@code offset} without changing the packet. */
  public <T extends Header> T peek(int offset, HeaderReader<T> reader) {
    checkOffset(offset);
    view.limit(end).position(start + offset);
    try {
      return reader.read(view);
    } catch (MalformedPacketException e) {
      throw e.relativeTo(start);
    }
  }

  /** Overwrites the header at {@code offset} with one of the same length (a router's TTL step). */
  public void replace(int offset, Header header) {
    int size = header.encodedLength();
    checkOffset(offset);
    if (start + offset + size > end) {
      throw new IllegalArgumentException(
          "header of " + size + " bytes at " + offset + " runs past the real bytes");
    }
    view.limit(start + offset + size).position(start + offset);
    header.write(view);
  }

  /** Removes {@code count} real bytes from the front without decoding them. */
  public void removeFront(int count) {
    if (count < 0 || count > end - start) {
      throw new IllegalArgumentException(
          "cannot remove " + count + " of " + (end - start) + " real bytes");
    }
    start += count;
  }

  /** Shortens the packet to {@code newLength} bytes, cutting virtual payload first. */
  public void truncate(int newLength) {
    if (newLength < 0 || newLength > length()) {
      throw new IllegalArgumentException("cannot truncate " + length() + " bytes to " + newLength);
    }
    int real = end - start;
    if (newLength >= real) {
      virtualPayloadLength = newLength - real;
    } else {
      virtualPayloadLength = 0;
      end = start + newLength;
    }
  }

  /** The unsigned byte at {@code offset}: real, or 0 inside the virtual payload. */
  public int byteAt(int offset) {
    if (offset < 0 || offset >= length()) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + " outside packet of " + length() + " bytes");
    }
    return offset < end - start ? data[start + offset] & 0xff : 0;
  }

  /** Copies bytes, zero-filling the virtual payload; returns {@code length}. */
  public int copyBytes(int offset, byte[] destination, int destinationOffset, int length) {
    if (offset < 0 || length < 0 || offset + length > length()) {
      throw new IndexOutOfBoundsException(
          "bytes "
              + offset
              + ".."
              + (offset + length)
              + " outside packet of "
              + length()
              + " bytes");
    }
    int real = Math.max(0, Math.min(length, end - start - offset));
    System.arraycopy(data, start + offset, destination, destinationOffset, real);
    java.util.Arrays.fill(
        destination, destinationOffset + real, destinationOffset + length, (byte) 0);
    return length;
  }

  /** The whole packet as bytes, payload zero-filled; for captures and tests. */
  public byte[] toByteArray() {
    byte[] bytes = new byte[length()];
    copyBytes(0, bytes, 0, bytes.length);
    return bytes;
  }

  /**
   * Unfolded one's-complement sum of {@code length} bytes from {@code offset} (RFC 1071); the
   * virtual payload adds nothing. Start at an even offset of the checksummed data.
   */
  public long checksumSum(int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > length()) {
      throw new IndexOutOfBoundsException(
          "bytes "
              + offset
              + ".."
              + (offset + length)
              + " outside packet of "
              + length()
              + " bytes");
    }
    int real = Math.max(0, Math.min(length, end - start - offset));
    return InternetChecksum.sum(data, start + offset, real);
  }

  /** Unsigned 16-bit big-endian value at {@code offset} (0 inside the virtual payload). */
  public int u16At(int offset) {
    return byteAt(offset) << 8 | byteAt(offset + 1);
  }

  /** Overwrites a 16-bit field in the real bytes, e.g. a checksum. */
  public void setU16(int offset, int value) {
    if (offset < 0 || offset + 2 > end - start) {
      throw new IndexOutOfBoundsException("16-bit field at " + offset + " outside the real bytes");
    }
    data[start + offset] = (byte) (value >>> 8);
    data[start + offset + 1] = (byte) value;
  }

  /** A deep copy of bytes and metadata, with fresh headroom. */
  public Packet copy() {
    int real = end - start;
    byte[] bytes = new byte[DEFAULT_HEADROOM + real];
    System.arraycopy(data, start, bytes, DEFAULT_HEADROOM, real);
    Packet copy = new Packet(bytes, DEFAULT_HEADROOM, bytes.length, virtualPayloadLength);
    copy.copyMetadataFrom(this);
    return copy;
  }

  /**
   * A new packet of real bytes {@code realFrom..realTo} of this one followed by {@code
   * virtualLength} zero bytes, with this packet's metadata; for fragmentation and reassembly.
   */
  Packet slice(int realFrom, int realTo, int virtualLength) {
    int real = realTo - realFrom;
    byte[] bytes = new byte[DEFAULT_HEADROOM + real];
    System.arraycopy(data, start + realFrom, bytes, DEFAULT_HEADROOM, real);
    Packet slice = new Packet(bytes, DEFAULT_HEADROOM, bytes.length, virtualLength);
    slice.copyMetadataFrom(this);
    return slice;
  }

  /** A packet from real bytes taken over (not copied), after {@code DEFAULT_HEADROOM}. */
  static Packet adopt(byte[] withHeadroom, int virtualLength) {
    return new Packet(withHeadroom, DEFAULT_HEADROOM, withHeadroom.length, virtualLength);
  }

  public void copyMetadataFrom(Packet other) {
    uid = other.uid;
    flowId = other.flowId;
    createdAtNs = other.createdAtNs;
    ingressInterface = other.ingressInterface;
  }

  private void growHeadroom(int needed) {
    int real = end - start;
    int headroom = Math.max(DEFAULT_HEADROOM, needed);
    byte[] bigger = new byte[headroom + real];
    System.arraycopy(data, start, bigger, headroom, real);
    data = bigger;
    view = ByteBuffer.wrap(bigger);
    start = headroom;
    end = headroom + real;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > end - start) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + " outside the " + (end - start) + " real bytes");
    }
  }

  /** Identifier given by the creator (e.g. a per-simulation counter); 0 if unset. */
  public long uid() {
    return uid;
  }

  public void setUid(long uid) {
    this.uid = uid;
  }

  /** The traffic flow the packet belongs to; -1 if none. */
  public long flowId() {
    return flowId;
  }

  public void setFlowId(long flowId) {
    this.flowId = flowId;
  }

  /** Simulation time the packet was created, for end-to-end latency. */
  public long createdAtNs() {
    return createdAtNs;
  }

  public void setCreatedAtNs(long createdAtNs) {
    this.createdAtNs = createdAtNs;
  }

  /** Interface the packet last arrived on; {@link #NO_INTERFACE} if none. */
  public int ingressInterface() {
    return ingressInterface;
  }

  public void setIngressInterface(int ingressInterface) {
    this.ingressInterface = ingressInterface;
  }

  @Override
  public String toString() {
    return "Packet[" + length() + " bytes, " + realLength() + " real, flow " + flowId + "]";
  }
}
