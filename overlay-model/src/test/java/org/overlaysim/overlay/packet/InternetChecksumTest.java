package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class InternetChecksumTest {
  /** The IPv4 header illustration of the Internet checksum (Wikipedia, after RFC 1071). */
  private static final String HEADER_WITHOUT_CHECKSUM =
      "4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7";

  @Test
  void ipv4HeaderExampleChecksumIsB861() {
    byte[] header = HexDump.parse(HEADER_WITHOUT_CHECKSUM);

    assertThat(InternetChecksum.checksum(InternetChecksum.sum(header, 0, header.length)))
        .isEqualTo(0xb861);
  }

  @Test
  void headerWithItsChecksumVerifies() {
    byte[] header = HexDump.parse(HEADER_WITHOUT_CHECKSUM.replace("4011 0000", "4011 b861"));

    assertThat(InternetChecksum.verifies(InternetChecksum.sum(header, 0, header.length))).isTrue();
  }

  @Test
  void rfc1071ExampleSumsTo_ddf2() {
    // RFC 1071 section 3: bytes 00 01 f2 03 f4 f5 f6 f7 have the one's-complement sum ddf2.
    byte[] bytes = HexDump.parse("0001 f203 f4f5 f6f7");

    assertThat(InternetChecksum.fold(InternetChecksum.sum(bytes, 0, bytes.length)))
        .isEqualTo(0xddf2);
  }

  @Test
  void oddTrailingByteCountsAsHighHalfOfAWord() {
    byte[] odd = HexDump.parse("0102 03");
    byte[] padded = HexDump.parse("0102 0300");

    assertThat(InternetChecksum.sum(odd, 0, 3)).isEqualTo(InternetChecksum.sum(padded, 0, 4));
  }

  @Test
  void zeroBytesAddNothing() {
    byte[] data = HexDump.parse("1234 5678 9a");
    byte[] withZeros = HexDump.parse("1234 5678 9a00 0000 0000 0000");

    assertThat(InternetChecksum.sum(withZeros, 0, withZeros.length))
        .isEqualTo(InternetChecksum.sum(data, 0, data.length));
  }

  @Test
  void pseudoHeaderSumsAddressesProtocolAndLength() {
    long sum =
        InternetChecksum.pseudoHeaderSum(
            Ipv4.parse("192.168.0.1"), Ipv4.parse("192.168.0.199"), 17, 8);
    byte[] pseudo = HexDump.parse("c0a8 0001 c0a8 00c7 0011 0008");

    assertThat(sum).isEqualTo(InternetChecksum.sum(pseudo, 0, pseudo.length));
  }
}
