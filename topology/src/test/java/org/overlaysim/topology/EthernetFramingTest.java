package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EthernetFramingTest {
  @Test
  void fullSizedIpPacketOccupies1538ByteTimes() {
    // 1500 IP + 14 header + 4 FCS = 1518-byte frame; + 8 preamble/SFD + 12 gap = 1538.
    assertThat(EthernetFraming.frameBytes(1500)).isEqualTo(1518);
    assertThat(EthernetFraming.wireBytes(1500)).isEqualTo(1538);
  }

  @Test
  void fullSizedPacketTakes12point304MicrosecondsAtOneGigabit() {
    // 1538 bytes * 8 bits / 1e9 bit/s = 12.304 us.
    assertThat(EthernetFraming.serializationNs(1500, 1_000_000_000L)).isEqualTo(12_304);
  }

  @Test
  void tinyPacketIsPaddedToTheMinimumFrame() {
    // A 20-byte IP header alone: 38-byte frame padded to 64, + 20 = 84 byte-times.
    assertThat(EthernetFraming.wireBytes(20)).isEqualTo(84);
    assertThat(EthernetFraming.wireBytes(46)).isEqualTo(84);
    assertThat(EthernetFraming.wireBytes(47)).isEqualTo(85);
  }

  @Test
  void minimumFrameTakes672NanosecondsAtOneGigabit() {
    assertThat(EthernetFraming.serializationNs(28, 1_000_000_000L)).isEqualTo(672);
  }
}
