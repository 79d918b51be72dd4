package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.HostRow;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.ReportRows.TcpTraceRow;
import org.overlaysim.report.ReportRows.ThroughputRow;

class ReportFilesTest {
  /** The combined files with a row per run and flow, link, ...: all but summary.csv. */
  static final List<String> PER_RUN_FILES =
      List.of(
          "latency.csv",
          "throughput.csv",
          "drops.csv",
          "links.csv",
          "overlays.csv",
          "reachability.csv",
          "tcp.csv");

  private static RunReport run(String id, Map<String, String> sweep) {
    return new RunReport(
        id,
        "three-sites",
        42,
        0,
        sweep,
        1234,
        "0123456789abcdef",
        30.0,
        0.5,
        10,
        9,
        1,
        List.of(
            new LatencyRow(
                "ping-0", "ping", "web-1", "db-1", "madrid", "frankfurt", LatencySummary.EMPTY)),
        List.of(new ThroughputRow("udp-1", 1410, 1538, 1e6, 0, 1, 1, 0, 0, 0)),
        List.of(new DropRow("mad-1/bridge", "mtu-exceeded", 1, 1500)),
        List.of(new LinkRow("r-mad--r-fra", "r-mad->r-fra", 3000, 2, 0.25, 0, 10.5, "model")),
        List.of(new OverlayRow("frontend", 100, "vxlan", "static", 0, 0, 0, 0, 4)),
        List.of(new ReachabilityRow("web-1", "db-1", "TCP", 5432, "denied", "policy-deny")),
        List.of(new TcpTraceRow("tcp-2", 0.01, 13980, -1, 26.0, 13.0, 13980, 0, 0, "open", 0)),
        List.of(),
        List.of(),
        RunTimings.UNKNOWN);
  }

  @Test
  void everyContractFileHasTheContractColumnsFirst(@TempDir Path dir) throws Exception {
    ReportFiles.write(dir, List.of(run("three-sites-p0-r0", Map.of())));

    assertThat(firstLine(dir, "summary.csv"))
        .isEqualTo(
            "run,scenario,seed,replication,events,sim_time_s,wall_time_s,packets_sent,"
                + "packets_delivered,packets_dropped");
    assertThat(firstLine(dir, "latency.csv"))
        .isEqualTo(
            "run,replication,flow,kind,src,dst,src_site,dst_site,samples,min_ms,mean_ms,p50_ms,p90_ms,"
                + "p99_ms,max_ms,stddev_ms");
    assertThat(firstLine(dir, "throughput.csv"))
        .startsWith(
            "run,replication,flow,payload_bytes,wire_bytes,overhead_ratio,goodput_mbps,fragments");
    assertThat(firstLine(dir, "drops.csv")).isEqualTo("run,replication,where,reason,packets,bytes");
    assertThat(firstLine(dir, "links.csv"))
        .isEqualTo(
            "run,replication,link,direction,bytes,packets,utilization,drops,delay_ms,delay_source");
    assertThat(firstLine(dir, "reachability.csv"))
        .isEqualTo("run,replication,src,dst,protocol,port,result,reason");
    assertThat(firstLine(dir, "overlays.csv"))
        .isEqualTo(
            "run,replication,overlay,vni,encapsulation,control_plane,bum_frames,bum_bytes,control_frames,"
                + "control_bytes,fdb_entries");
    assertThat(Files.readAllLines(dir.resolve("tcp.csv")))
        .containsExactly(
            "run,replication,flow,time_s,cwnd_bytes,ssthresh_bytes,srtt_ms,rttvar_ms,bytes_in_flight,"
                + "delivered_bytes,retransmits,state,connection",
            "three-sites-p0-r0,0,tcp-2,0.010000,13980,,26.000000,13.000000,13980,0,0,open,0");
  }

  @Test
  void hostsCsvIsWrittenOnlyWhenAHostEncrypts(@TempDir Path dir) throws Exception {
    ReportFiles.write(dir, List.of(run("three-sites-p0-r0", Map.of())));
    assertThat(dir.resolve("hosts.csv")).doesNotExist();

    RunReport plain = run("three-sites-p0-r0", Map.of());
    RunReport encrypted =
        new RunReport(
            plain.runId(),
            plain.scenario(),
            plain.seed(),
            plain.replication(),
            plain.sweepValues(),
            plain.events(),
            plain.eventTrace(),
            plain.simTimeS(),
            plain.wallTimeS(),
            plain.packetsSent(),
            plain.packetsDelivered(),
            plain.packetsDropped(),
            plain.latency(),
            plain.throughput(),
            plain.drops(),
            plain.links(),
            plain.overlays(),
            plain.reachability(),
            plain.tcpTrace(),
            List.of(new HostRow("mad-1", 2, 10, 15000, 0.25)),
            plain.timedEvents(),
            plain.timings());
    ReportFiles.write(dir, List.of(encrypted));
    assertThat(Files.readAllLines(dir.resolve("hosts.csv")))
        .containsExactly(
            "run,replication,host,cores,crypto_packets,crypto_bytes,cpu_busy",
            "three-sites-p0-r0,0,mad-1,2,10,15000,0.250000");
  }

  @Test
  void flowWithoutSamplesKeepsItsRowWithEmptyStatistics(@TempDir Path dir) throws Exception {
    ReportFiles.write(dir, List.of(run("r1", Map.of())));

    assertThat(Files.readAllLines(dir.resolve("latency.csv")))
        .element(1)
        .isEqualTo("r1,0,ping-0,ping,web-1,db-1,madrid,frankfurt,0,,,,,,,");
  }

  @Test
  void overheadRatioIsWireBytesOverPayloadBytes(@TempDir Path dir) throws Exception {
    ReportFiles.write(dir, List.of(run("r1", Map.of())));

    assertThat(Files.readAllLines(dir.resolve("throughput.csv")))
        .element(1)
        .isEqualTo("r1,0,udp-1,1410,1538,1.090780,1.000000,0,1,1,0,0,0.000000");
  }

  @Test
  void sweepValuesBecomeColumnsOfTheSummary(@TempDir Path dir) throws Exception {
    ReportFiles.write(
        dir,
        List.of(
            run("s-p0-r0", Map.of("underlay.defaults.mtu", "1500")),
            run("s-p1-r0", Map.of("underlay.defaults.mtu", "9000"))));

    List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(lines.get(0)).startsWith("run,scenario,seed,replication,underlay.defaults.mtu,");
    assertThat(lines.get(1)).startsWith("s-p0-r0,three-sites,42,0,1500,");
    assertThat(lines.get(2)).startsWith("s-p1-r0,three-sites,42,0,9000,");
  }

  @Test
  void everyPerRunFileCarriesTheSweepValuesAndReplicationAfterTheRun(@TempDir Path dir)
      throws Exception {
    ReportFiles.write(
        dir,
        List.of(
            run("s-p0-r0", Map.of("underlay.defaults.mtu", "1500")),
            run("s-p1-r0", Map.of("underlay.defaults.mtu", "9000"))));

    for (String file : PER_RUN_FILES) {
      List<String> lines = Files.readAllLines(dir.resolve(file));
      assertThat(lines.get(0)).as(file).startsWith("run,underlay.defaults.mtu,replication,");
      assertThat(lines.get(1)).as(file).startsWith("s-p0-r0,1500,0,");
      assertThat(lines.get(2)).as(file).startsWith("s-p1-r0,9000,0,");
    }
  }

  @Test
  void writingLeavesNoTemporaryFileBehind(@TempDir Path dir) throws Exception {
    ReportFiles.write(dir, List.of(run("r1", Map.of())));

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(Stream.of("summary.csv"), PER_RUN_FILES.stream()).toList());
    }
  }

  @Test
  void cellsWithCommasOrQuotesAreQuoted() {
    assertThat(Csv.line(List.of("a,b", "say \"hi\"", "plain")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\n");
  }

  private static String firstLine(Path dir, String file) throws Exception {
    return Files.readAllLines(dir.resolve(file)).get(0);
  }
}
