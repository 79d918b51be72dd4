package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * {@code seeds: common} pairs the sweep points: on a lossy link swept over its loss, the
 * differences between the two points, replication by replication, vary less than with independent
 * seeds (the variance reduction of common random numbers).
 */
class CommonRandomNumbersTest {
  static final int REPLICATIONS = 12;

  static List<RunReport> independent;
  static List<RunReport> common;

  @TempDir static Path dir;

  @BeforeAll
  static void runBothWays() throws Exception {
    independent = run("seeds=independent");
    common = run("seeds=common");
  }

  private static List<RunReport> run(String seeds) throws Exception {
    List<Run> runs =
        ScenarioLoader.load(
                TidyReportsTest.SCENARIO, List.of("replications=" + REPLICATIONS, seeds))
            .runs();
    List<RunReport> reports = new ArrayList<>();
    for (Run run : runs) {
      reports.add(ScenarioRunner.run(run, dir.resolve(run.id())));
    }
    return reports;
  }

  /** Variance over replications of (point 1 − point 0). */
  static double varianceOfDifferences(List<RunReport> runs, ToDoubleFunction<RunReport> figure) {
    SummaryStatistics differences = new SummaryStatistics();
    for (int r = 0; r < REPLICATIONS; r++) {
      differences.addValue(
          figure.applyAsDouble(runs.get(REPLICATIONS + r)) - figure.applyAsDouble(runs.get(r)));
    }
    return differences.getVariance();
  }

  static double udpDelivered(RunReport r) {
    return r.throughput().get(1).packetsDelivered();
  }

  static double tcpGoodputMbps(RunReport r) {
    return r.throughput().get(0).goodputBps() / 1e6;
  }

  @Test
  void commonSeedsGiveEveryPointTheSameSeedPerReplication() {
    for (int r = 0; r < REPLICATIONS; r++) {
      assertThat(common.get(REPLICATIONS + r).seed()).isEqualTo(common.get(r).seed());
      assertThat(independent.get(REPLICATIONS + r).seed()).isNotEqualTo(independent.get(r).seed());
    }
  }

  @Test
  void pairedDifferencesVaryLessWithCommonSeeds() {
    double udpIndependent =
        varianceOfDifferences(independent, CommonRandomNumbersTest::udpDelivered);
    double udpCommon = varianceOfDifferences(common, CommonRandomNumbersTest::udpDelivered);
    double tcpIndependent =
        varianceOfDifferences(independent, CommonRandomNumbersTest::tcpGoodputMbps);
    double tcpCommon = varianceOfDifferences(common, CommonRandomNumbersTest::tcpGoodputMbps);
    System.out.printf(
        "variance of paired differences over %d replications: udp delivered packets %.3f"
            + " independent, %.3f common; tcp goodput (Mbit/s)^2 %.4f independent, %.4f common%n",
        REPLICATIONS, udpIndependent, udpCommon, tcpIndependent, tcpCommon);
    // TCP's goodput, the figure a lossy sweep is about, gains most. The UDP count is printed but
    // not asserted: its packets share the lossy link's loss stream with TCP's, so which draw each
    // datagram meets depends on TCP's timing at each point (3.18 common, 2.70 independent after
    // the receive-window change of issue 16; 3.09 and 6.88 before): the pairing is loose.
    assertThat(tcpCommon).isLessThan(tcpIndependent / 4);
  }
}
