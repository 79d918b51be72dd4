package org.overlaysim.report.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.HexDump;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

class PcapWriterTest {
  private static final String FILE_HEADER =
      "a1b23c4d 0002 0004 00000000 00000000 00040000 00000001";

  private static byte[] arpRequest() {
    ByteBuffer frame = ByteBuffer.allocate(EthernetHeader.LENGTH + 28);
    EthernetHeader.of(MacAddress.BROADCAST, MacAddress.parse("02:00:00:00:00:01"), EtherType.ARP)
        .write(frame);
    ArpPacket.request(
            MacAddress.parse("02:00:00:00:00:01"), Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2"))
        .write(frame);
    return frame.array();
  }

  private static byte[] capture(byte[] frame, long timestampNs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapWriter writer = new PcapWriter(out)) {
      writer.write(timestampNs, frame, 0, frame.length);
    }
    return out.toByteArray();
  }

  @Test
  void emptyCaptureIsTheNanosecondEthernetFileHeader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PcapWriter(out).close();

    assertThat(HexDump.hex(out.toByteArray())).isEqualTo(FILE_HEADER.replace(" ", ""));
  }

  @Test
  void recordIsSecondsNanosecondsLengthsThenFrameBytes() throws IOException {
    byte[] file = capture(arpRequest(), 1_500_000_123L);

    String expected =
        FILE_HEADER
            + " 00000001 1dcd65 7b 0000002a 0000002a"
            + " ffffffffffff 020000000001 0806"
            + " 0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002";
    assertThat(HexDump.hex(file)).isEqualTo(expected.replace(" ", ""));
  }

  @Test
  void frameLongerThanTheSnapLengthIsCutButKeepsItsOriginalLength() throws IOException {
    byte[] jumbo = Arrays.copyOf(HexDump.parse("ffffffffffff 020000000001 0800"), 300_014);

    PcapRecord record = new PcapReader(new ByteArrayInputStream(capture(jumbo, 7))).next();

    assertThat(record.data()).hasSize(PcapFormat.SNAPLEN);
    assertThat(record.originalLength()).isEqualTo(300_014);
  }

  @Test
  void readerReturnsWhatTheWriterWrote() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<PcapRecord> written = new ArrayList<>();
    try (PcapWriter writer = new PcapWriter(out)) {
      for (int i = 0; i < 5; i++) {
        byte[] frame = Arrays.copyOf(arpRequest(), 42 + i * 100);
        long timestampNs = 3_000_000_000L * i + i;
        writer.write(timestampNs, frame, 0, frame.length);
        written.add(new PcapRecord(timestampNs, frame.length, frame));
      }
    }

    PcapReader reader = new PcapReader(new ByteArrayInputStream(out.toByteArray()));
    List<PcapRecord> read = new ArrayList<>();
    for (PcapRecord record = reader.next(); record != null; record = reader.next()) {
      read.add(record);
    }

    assertThat(reader.nanosecondResolution()).isTrue();
    assertThat(reader.linkType()).isEqualTo(PcapFormat.LINKTYPE_ETHERNET);
    assertThat(read).isEqualTo(written);
  }

  @Test
  void readerAcceptsLittleEndianMicrosecondFiles() throws IOException {
    byte[] file =
        HexDump.parse(
            "d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"
                + " 02000000 40420f00 02000000 3c000000 abcd");

    PcapReader reader = new PcapReader(new ByteArrayInputStream(file));
    PcapRecord record = reader.next();

    assertThat(reader.nanosecondResolution()).isFalse();
    assertThat(record.timestampNs()).isEqualTo(3_000_000_000L);
    assertThat(record.originalLength()).isEqualTo(60);
    assertThat(record.data()).containsExactly(0xab, 0xcd);
  }

  @Test
  void truncatedRecordIsAnError() throws IOException {
    byte[] file = capture(arpRequest(), 0);
    byte[] truncated = Arrays.copyOf(file, file.length - 1);

    PcapReader reader = new PcapReader(new ByteArrayInputStream(truncated));

    assertThatThrownBy(reader::next)
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("41 of 42");
  }

  @Test
  void writerStreamsInsteadOfHoldingTheWholeCapture() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PcapWriter writer = new PcapWriter(out);
    byte[] frame = Arrays.copyOf(HexDump.parse("ffffffffffff 020000000001 0800"), 1514);
    for (int i = 0; i < 1000; i++) {
      writer.write(i, frame, 0, frame.length);
    }

    assertThat(out.size()).isGreaterThan(1_400_000);
    writer.close();
  }

  @Test
  void negativeTimestampIsRejected() throws IOException {
    PcapWriter writer = new PcapWriter(new ByteArrayOutputStream());

    byte[] frame = arpRequest();

    assertThatThrownBy(() -> writer.write(-1, frame, 0, frame.length))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
