package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VxlanHeaderTest {
  private static byte[] capturedHeader() {
    return Arrays.copyOfRange(GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO), 42, 50);
  }

  @Test
  void capturedHeaderDecodesVni() {
    VxlanHeader header = RoundTrip.decodeAndReencode(capturedHeader(), VxlanHeader::read);

    assertThat(header.vni()).isEqualTo(255);
  }

  @Test
  void headerIsFlagsEightThenVniThenZero() {
    assertThat(HexDump.hex(new VxlanHeader(0x123456).toBytes())).isEqualTo("0800000012345600");
  }

  @Test
  void largestVniRoundTrips() {
    RoundTrip.check(new VxlanHeader(VxlanHeader.MAXIMUM_VNI), VxlanHeader::read);
  }

  @Test
  void headerWithoutTheIFlagIsRejectedAsLinuxDoes() {
    byte[] bytes = capturedHeader();
    bytes[0] = 0;

    assertThatThrownBy(() -> VxlanHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("I flag");
  }

  @Test
  void reservedFlagBitsAreRejected() {
    byte[] bytes = capturedHeader();
    bytes[0] = (byte) 0x88;

    assertThatThrownBy(() -> VxlanHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("reserved bits");
  }

  @Test
  void nonZeroLastReservedByteIsRejected() {
    byte[] bytes = capturedHeader();
    bytes[7] = 1;

    assertThatThrownBy(() -> VxlanHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("reserved bits");
  }

  @Test
  void vniWiderThan24BitsIsAProgrammingError() {
    assertThatThrownBy(() -> new VxlanHeader(1 << 24)).isInstanceOf(IllegalArgumentException.class);
  }
}
