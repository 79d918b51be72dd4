package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import org.overlaysim.scenario.Ipv4;

/**
 * An IPv4 header (RFC 791). {@code fragmentOffset} is in 8-byte units as on the wire; the header
 * checksum is a field like any other so a decoded header re-encodes byte for byte, and {@link
 * #withComputedChecksum()} fills it. IHL is derived from the options, which must be padded to a
 * multiple of 4 bytes (at most 40).
 */
public record Ipv4Header(
    int dscp,
    int ecn,
    int totalLength,
    int identification,
    boolean dontFragment,
    boolean moreFragments,
    int fragmentOffset,
    int ttl,
    int protocol,
    int headerChecksum,
    Ipv4 source,
    Ipv4 destination,
    Octets options)
    implements Header {
  public static final int VERSION_IHL_OFFSET = 0;
  public static final int TOS_OFFSET = 1;
  public static final int TOTAL_LENGTH_OFFSET = 2;
  public static final int IDENTIFICATION_OFFSET = 4;
  public static final int FLAGS_FRAGMENT_OFFSET = 6;
  public static final int TTL_OFFSET = 8;
  public static final int PROTOCOL_OFFSET = 9;
  public static final int CHECKSUM_OFFSET = 10;
  public static final int SOURCE_OFFSET = 12;
  public static final int DESTINATION_OFFSET = 16;
  public static final int OPTIONS_OFFSET = 20;

  /** Header length without options. */
  public static final int MINIMUM_LENGTH = 20;

  public static final int MAXIMUM_OPTIONS_LENGTH = 40;
  public static final int MAXIMUM_TOTAL_LENGTH = 0xffff;

  /** Every host must accept datagrams of this size (RFC 791); the smallest legal MTU is 68. */
  public static final int MINIMUM_MTU = 68;

  /** Linux's default TTL ({@code net.ipv4.ip_default_ttl}). */
  public static final int DEFAULT_TTL = 64;

  static final int FLAG_RESERVED = 0x8000;
  static final int FLAG_DONT_FRAGMENT = 0x4000;
  static final int FLAG_MORE_FRAGMENTS = 0x2000;

  private static final String NAME = "IPv4 header";

  public Ipv4Header {
    Wire.requireRange("DSCP", dscp, 0, 63);
    Wire.requireRange("ECN", ecn, 0, 3);
    Wire.requireRange("identification", identification, 0, 0xffff);
    Wire.requireRange("fragment offset (8-byte units)", fragmentOffset, 0, 0x1fff);
    Wire.requireRange("TTL", ttl, 0, 255);
    Wire.requireRange("protocol", protocol, 0, 255);
    Wire.requireRange("header checksum", headerChecksum, 0, 0xffff);
    if (source == null || destination == null) {
      throw new IllegalArgumentException("IPv4 addresses must not be null");
    }
    if (options == null) {
      options = Octets.EMPTY;
    }
    if (options.length() % 4 != 0 || options.length() > MAXIMUM_OPTIONS_LENGTH) {
      throw new IllegalArgumentException(
          "IPv4 options must be padded to a multiple of 4 bytes, at most 40; was "
              + options.length());
    }
    Wire.requireRange(
        "total length", totalLength, MINIMUM_LENGTH + options.length(), MAXIMUM_TOTAL_LENGTH);
  }

  /**
   * A header without options, DSCP/ECN zero, not a fragment, with the checksum computed: what a
   * host sends for {@code payloadLength} bytes of {@code protocol}.
   */
  public static Ipv4Header of(
      Ipv4 source,
      Ipv4 destination,
      int protocol,
      int payloadLength,
      int identification,
      int ttl,
      boolean dontFragment) {
    return checksummed(
        0,
        0,
        MINIMUM_LENGTH + payloadLength,
        identification,
        dontFragment,
        false,
        0,
        ttl,
        protocol,
        source,
        destination,
        Octets.EMPTY);
  }

  /**
   * A header with its checksum computed from the other fields, built in one step (the per-packet
   * path: no intermediate record).
   */
  public static Ipv4Header checksummed(
      int dscp,
      int ecn,
      int totalLength,
      int identification,
      boolean dontFragment,
      boolean moreFragments,
      int fragmentOffset,
      int ttl,
      int protocol,
      Ipv4 source,
      Ipv4 destination,
      Octets options) {
    if (source == null || destination == null) {
      throw new IllegalArgumentException("IPv4 addresses must not be null");
    }
    int flags =
        (dontFragment ? FLAG_DONT_FRAGMENT : 0)
            | (moreFragments ? FLAG_MORE_FRAGMENTS : 0)
            | (fragmentOffset & 0x1fff);
    int checksum =
        InternetChecksum.checksum(
            headerSum(
                dscp,
                ecn,
                totalLength,
                identification,
                flags,
                ttl,
                protocol,
                source,
                destination,
                options));
    return new Ipv4Header(
        dscp,
        ecn,
        totalLength,
        identification,
        dontFragment,
        moreFragments,
        fragmentOffset,
        ttl,
        protocol,
        checksum,
        source,
        destination,
        options);
  }

  /** Header length in bytes (IHL × 4). */
  public int headerLength() {
    return MINIMUM_LENGTH + options.length();
  }

  /** Bytes after the header in this datagram or fragment. */
  public int payloadLength() {
    return totalLength - headerLength();
  }

  /** Offset of this fragment's payload in the original datagram's payload, in bytes. */
  public int fragmentOffsetBytes() {
    return fragmentOffset * 8;
  }

  /** True for any fragment of a fragmented datagram, the first included. */
  public boolean isFragment() {
    return moreFragments || fragmentOffset != 0;
  }

  /** The RFC 1071 checksum of this header's fields with the checksum field taken as zero. */
  public int computeChecksum() {
    return InternetChecksum.checksum(sumWithoutChecksum());
  }

  public boolean hasValidChecksum() {
    return headerChecksum == computeChecksum();
  }

  public Ipv4Header withComputedChecksum() {
    return withChecksum(computeChecksum());
  }

  public Ipv4Header withChecksum(int checksum) {
    return new Ipv4Header(
        dscp,
        ecn,
        totalLength,
        identification,
        dontFragment,
        moreFragments,
        fragmentOffset,
        ttl,
        protocol,
        checksum,
        source,
        destination,
        options);
  }

  /** The same header with another TTL and the checksum recomputed (a router's forwarding step). */
  public Ipv4Header withTtl(int newTtl) {
    return checksummed(
        dscp,
        ecn,
        totalLength,
        identification,
        dontFragment,
        moreFragments,
        fragmentOffset,
        newTtl,
        protocol,
        source,
        destination,
        options);
  }

  /** The same header describing a fragment (or a whole datagram), checksum recomputed. */
  public Ipv4Header withFragment(
      int newTotalLength, boolean newMoreFragments, int newFragmentOffset, Octets newOptions) {
    return checksummed(
        dscp,
        ecn,
        newTotalLength,
        identification,
        dontFragment,
        newMoreFragments,
        newFragmentOffset,
        ttl,
        protocol,
        source,
        destination,
        newOptions);
  }

  private long sumWithoutChecksum() {
    return headerSum(
        dscp,
        ecn,
        totalLength,
        identification,
        flagsAndOffset(),
        ttl,
        protocol,
        source,
        destination,
        options);
  }

  private static long headerSum(
      int dscp,
      int ecn,
      int totalLength,
      int identification,
      int flagsAndOffset,
      int ttl,
      int protocol,
      Ipv4 source,
      Ipv4 destination,
      Octets options) {
    int optionsLength = options == null ? 0 : options.length();
    long sum = 4 << 12 | ((MINIMUM_LENGTH + optionsLength) / 4) << 8 | dscp << 2 | ecn;
    sum += totalLength + identification + flagsAndOffset;
    sum += ttl << 8 | protocol;
    sum += (source.bits() >>> 16) + (source.bits() & 0xffff);
    sum += (destination.bits() >>> 16) + (destination.bits() & 0xffff);
    return optionsLength == 0 ? sum : sum + options.checksumSum();
  }

  private int flagsAndOffset() {
    return (dontFragment ? FLAG_DONT_FRAGMENT : 0)
        | (moreFragments ? FLAG_MORE_FRAGMENTS : 0)
        | fragmentOffset;
  }

  @Override
  public int encodedLength() {
    return headerLength();
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU8(buffer, 4 << 4 | headerLength() / 4);
    Wire.putU8(buffer, dscp << 2 | ecn);
    Wire.putU16(buffer, totalLength);
    Wire.putU16(buffer, identification);
    Wire.putU16(buffer, flagsAndOffset());
    Wire.putU8(buffer, ttl);
    Wire.putU8(buffer, protocol);
    Wire.putU16(buffer, headerChecksum);
    Wire.putU32(buffer, source.bits());
    Wire.putU32(buffer, destination.bits());
    options.write(buffer);
  }

  /**
   * Decodes the header (options included). The payload is not required to be present (an ICMP error
   * quotes only the start of a datagram). The checksum is not verified here; see {@link
   * #hasValidChecksum()}.
   */
  public static Ipv4Header read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, MINIMUM_LENGTH, NAME);
    int p = buffer.position();
    int versionIhl = Wire.u8(buffer, p + VERSION_IHL_OFFSET);
    if (versionIhl >>> 4 != 4) {
      throw MalformedPacketException.at(buffer, NAME, "version " + (versionIhl >>> 4) + ", not 4");
    }
    int headerLength = (versionIhl & 0xf) * 4;
    if (headerLength < MINIMUM_LENGTH) {
      throw MalformedPacketException.at(
          buffer, NAME, "IHL " + (versionIhl & 0xf) + " is below the minimum of 5");
    }
    MalformedPacketException.requireRemaining(buffer, headerLength, NAME);
    int totalLength = Wire.u16(buffer, p + TOTAL_LENGTH_OFFSET);
    if (totalLength < headerLength) {
      throw MalformedPacketException.at(
          buffer,
          NAME,
          "total length " + totalLength + " is shorter than the header (" + headerLength + ")");
    }
    int flagsOffset = Wire.u16(buffer, p + FLAGS_FRAGMENT_OFFSET);
    if ((flagsOffset & FLAG_RESERVED) != 0) {
      throw MalformedPacketException.at(buffer, NAME, "reserved flag bit set (RFC 791: must be 0)");
    }
    int tos = Wire.u8(buffer, p + TOS_OFFSET);
    Ipv4Header header =
        new Ipv4Header(
            tos >>> 2,
            tos & 3,
            totalLength,
            Wire.u16(buffer, p + IDENTIFICATION_OFFSET),
            (flagsOffset & FLAG_DONT_FRAGMENT) != 0,
            (flagsOffset & FLAG_MORE_FRAGMENTS) != 0,
            flagsOffset & 0x1fff,
            Wire.u8(buffer, p + TTL_OFFSET),
            Wire.u8(buffer, p + PROTOCOL_OFFSET),
            Wire.u16(buffer, p + CHECKSUM_OFFSET),
            new Ipv4(Wire.u32(buffer, p + SOURCE_OFFSET)),
            new Ipv4(Wire.u32(buffer, p + DESTINATION_OFFSET)),
            Octets.read(buffer, p + OPTIONS_OFFSET, headerLength - MINIMUM_LENGTH));
    buffer.position(p + headerLength);
    return header;
  }
}
