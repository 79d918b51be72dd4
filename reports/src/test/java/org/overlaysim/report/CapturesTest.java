package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.report.pcap.PcapFormat;
import org.overlaysim.report.pcap.PcapReader;
import org.overlaysim.report.pcap.PcapRecord;
import org.overlaysim.scenario.CaptureSpec;
import org.overlaysim.scenario.CaptureSpec.Target;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/** The scenario's capture list as pcap files of a run: one per capture point, named after it. */
class CapturesTest {
  private static Run run(String captures) throws Exception {
    String text = Files.readString(ScenarioCaptureTsharkTest.SCENARIO);
    text = text.substring(0, text.indexOf("capture:")) + "capture:\n" + captures;
    return ScenarioLoader.parse("captures.yaml", text, List.of()).runs().get(0);
  }

  private static List<PcapRecord> records(Path file) throws IOException {
    List<PcapRecord> records = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      PcapReader reader = new PcapReader(in);
      assertThat(reader.nanosecondResolution()).isTrue();
      assertThat(reader.linkType()).isEqualTo(PcapFormat.LINKTYPE_ETHERNET);
      for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  @Test
  void filesAreNamedAfterWhatTheyCapture() {
    assertThat(Captures.fileName(new CaptureSpec(Target.LINK, "r-mad--r-fra")))
        .isEqualTo("link-r-mad--r-fra.pcap");
    assertThat(Captures.fileName(new CaptureSpec(Target.CONTAINER, "web-0.eth0")))
        .isEqualTo("container-web-0.eth0.pcap");
    assertThat(Captures.fileName(new CaptureSpec(Target.HOST, "mad 1/a:b")))
        .isEqualTo("host-mad_1_a_b.pcap");
  }

  @Test
  void eachCapturePointGetsItsOwnFileOfFramesInTimeOrder(@TempDir Path dir) throws Exception {
    Run run = run("  - {link: r-mad--r-fra}\n  - {container: b2}\n  - {host: mad-1}\n");

    ScenarioRunner.run(run, dir);

    for (String file : List.of("link-r-mad--r-fra.pcap", "container-b2.pcap", "host-mad-1.pcap")) {
      List<PcapRecord> records = records(dir.resolve(file));
      assertThat(records).as(file).isNotEmpty();
      assertThat(records)
          .as(file)
          .allSatisfy(r -> assertThat(r.originalLength()).isEqualTo(r.data().length));
      assertThat(records)
          .extracting(PcapRecord::timestampNs)
          .as(file)
          .isSortedAccordingTo(Long::compare);
    }
    // Both overlays' echoes and replies cross the inter-site link: 2 x 3 x 2 at least.
    assertThat(records(dir.resolve("link-r-mad--r-fra.pcap"))).hasSizeGreaterThanOrEqualTo(12);
  }

  @Test
  void aPointListedTwiceIsCapturedOnce(@TempDir Path dir) throws Exception {
    ScenarioRunner.run(run("  - {container: b2}\n"), dir.resolve("once"));
    ScenarioRunner.run(run("  - {container: b2}\n  - {container: b2}\n"), dir.resolve("twice"));

    List<PcapRecord> once = records(dir.resolve("once/container-b2.pcap"));
    List<PcapRecord> twice = records(dir.resolve("twice/container-b2.pcap"));

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void twoPointsThatWouldShareAFileAreRefused() {
    List<CaptureSpec> clash =
        List.of(new CaptureSpec(Target.LINK, "a/b"), new CaptureSpec(Target.LINK, "a:b"));

    assertThatThrownBy(() -> Captures.attach(clash, null, Path.of("unused")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link 'a/b' and link 'a:b' would share the file link-a_b.pcap");
  }
}
