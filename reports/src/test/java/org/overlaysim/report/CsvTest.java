package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Jackson's CSV writer, configured to write what the reports always wrote (RFC 4180). */
class CsvTest {
  @Test
  void aCellIsQuotedOnlyForACommaAQuoteACarriageReturnOrALineFeed() {
    assertThat(Csv.line("a b", "", " lead", "#x", "é")).isEqualTo("a b,, lead,#x,é\n");
    assertThat(Csv.line("a,b", "say \"hi\"", "cr\rx", "nl\nx"))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"cr\rx\",\"nl\nx\"\n");
  }

  @Test
  void theEmulatorsHeadersAreTheSimulatorsColumns() {
    assertThat(ReportColumns.header(ReportColumns.LATENCY))
        .isEqualTo(
            "run,flow,kind,src,dst,src_site,dst_site,samples,min_ms,mean_ms,p50_ms,p90_ms,"
                + "p99_ms,max_ms,stddev_ms\n");
    assertThat(ReportColumns.header(ReportColumns.THROUGHPUT))
        .isEqualTo(
            "run,flow,payload_bytes,wire_bytes,overhead_ratio,goodput_mbps,fragments,"
                + "packets_sent,packets_delivered,retransmissions,timeouts,stalled_s\n");
    assertThat(ReportColumns.header(ReportColumns.LINKS))
        .isEqualTo("run,link,direction,bytes,packets,utilization,drops,delay_ms,delay_source\n");
    assertThat(ReportFiles.summary(List.of()))
        .isEqualTo(
            "run,scenario,seed,replication,events,sim_time_s,wall_time_s,packets_sent,"
                + "packets_delivered,packets_dropped\n");
  }
}
