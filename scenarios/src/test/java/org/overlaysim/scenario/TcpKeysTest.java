package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The TCP keys: congestionControl and tcpTrace on a flow, and the scenario-wide tcp block. */
class TcpKeysTest {
  private static final String FLOWS =
      "traffic:\n"
          + "  - {kind: tcp, from: c1, to: c2}\n"
          + "  - {kind: tcp, from: c1, to: c2, congestionControl: reno, tcpTrace: 10ms}\n"
          + "  - {kind: request-response, from: c1, to: c2, requestSize: 100, responseSize: 1KiB,"
          + " rate: 10/s}\n";

  @Test
  void flowsDefaultToCubicWithoutTrace() throws Exception {
    Scenario s = Yaml.scenario(Yaml.minimal() + FLOWS);
    TcpTraffic plain = (TcpTraffic) s.traffic().get(0);
    TcpTraffic reno = (TcpTraffic) s.traffic().get(1);
    RequestResponseTraffic rr = (RequestResponseTraffic) s.traffic().get(2);
    assertThat(plain.congestionControl()).isEqualTo(CongestionAlgorithm.CUBIC);
    assertThat(plain.traceIntervalNs()).isZero();
    assertThat(reno.congestionControl()).isEqualTo(CongestionAlgorithm.RENO);
    assertThat(reno.traceIntervalNs()).isEqualTo(10_000_000L);
    assertThat(rr.congestionControl()).isEqualTo(CongestionAlgorithm.CUBIC);
  }

  @Test
  void theTcpBlockSetsTheDefaultAndAFlowOverridesIt() throws Exception {
    String text =
        Yaml.minimal()
            + "tcp: {congestionControl: reno, trace: 100ms}\n"
            + FLOWS.replace("congestionControl: reno, tcpTrace: 10ms", "congestionControl: cubic");
    Scenario s = Yaml.scenario(text);
    TcpTraffic plain = (TcpTraffic) s.traffic().get(0);
    TcpTraffic cubic = (TcpTraffic) s.traffic().get(1);
    RequestResponseTraffic rr = (RequestResponseTraffic) s.traffic().get(2);
    assertThat(plain.congestionControl()).isEqualTo(CongestionAlgorithm.RENO);
    assertThat(plain.traceIntervalNs()).isEqualTo(100_000_000L);
    assertThat(cubic.congestionControl()).isEqualTo(CongestionAlgorithm.CUBIC);
    assertThat(rr.congestionControl()).isEqualTo(CongestionAlgorithm.RENO);
    assertThat(rr.traceIntervalNs()).isEqualTo(100_000_000L);
  }

  @Test
  void anUnknownCongestionControlNamesTheKeyWithADidYouMean() {
    String text =
        Yaml.minimal() + FLOWS.replace("congestionControl: reno", "congestionControl: cubik");
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("traffic[1].congestionControl");
              assertThat(p.message()).contains("'cubik' is not one of cubic, reno");
              assertThat(p.message()).contains("did you mean 'cubic'");
              assertThat(p.line()).isEqualTo(Yaml.minimal().split("\n").length + 3);
            });
  }

  @Test
  void anUnknownKeyInTheTcpBlockAndAZeroTraceAreRefused() {
    String text = Yaml.minimal() + "tcp: {congestionControll: reno, trace: 0s}\n";
    assertThat(Yaml.problems(text))
        .extracting(Problem::path)
        .containsExactly("tcp.congestionControll", "tcp.trace");
    assertThat(Yaml.problems(text).get(0).message()).contains("did you mean 'congestionControl'");
  }

  @Test
  void theWriterKeepsTheKeysThatDifferFromTheDefaults() throws Exception {
    Scenario s = Yaml.scenario(Yaml.minimal() + FLOWS);
    String written = ScenarioWriter.write(s);
    assertThat(written).contains("congestionControl: reno").contains("tcpTrace: 10ms");
    assertThat(Yaml.scenario(written).traffic()).isEqualTo(s.traffic());
  }
}
