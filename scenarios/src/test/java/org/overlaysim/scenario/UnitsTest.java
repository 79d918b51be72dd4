package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @ParameterizedTest
  @CsvSource({
    "250ns, 250",
    "5us, 5000",
    "5µs, 5000",
    "10ms, 10000000",
    "1.5s, 1500000000",
    "2m, 120000000000",
    "2min, 120000000000",
    "1h, 3600000000000",
    "0.0005ms, 500",
    "0s, 0"
  })
  void durationsParseToNanoseconds(String text, long ns) {
    assertThat(Units.parseDuration(text)).isEqualTo(ns);
  }

  @Test
  void durationWithoutUnitIsRefused() {
    assertThatThrownBy(() -> Units.parseDuration("30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a unit");
  }

  @Test
  void durationWithUnknownUnitNamesTheKnownOnes() {
    assertThatThrownBy(() -> Units.parseDuration("3 days"))
        .hasMessageContaining("unknown duration unit 'days'")
        .hasMessageContaining("ms");
  }

  @ParameterizedTest
  @CsvSource({
    "100Mbps, 100000000",
    "10Gbps, 10000000000",
    "1Gbit/s, 1000000000",
    "2.5Gbps, 2500000000",
    "125MB/s, 1000000000",
    "56kbps, 56000",
    "1Tbps, 1000000000000"
  })
  void ratesParseToBitsPerSecond(String text, long bps) {
    assertThat(Units.parseRate(text)).isEqualTo(bps);
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "100 Mbs", "fast", "-1Gbps"})
  void malformedRatesAreRefused(String text) {
    assertThatThrownBy(() -> Units.parseRate(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "1500, 1500",
    "1500B, 1500",
    "64KiB, 65536",
    "10MB, 10000000",
    "1MiB, 1048576",
    "1.5KiB, 1536"
  })
  void sizesParseToBytesAndABareNumberIsBytes(String text, long bytes) {
    assertThat(Units.parseSize(text)).isEqualTo(bytes);
  }

  @Test
  void speedParsesToMetresPerSecond() {
    assertThat(Units.parseSpeed("204000km/s")).isEqualTo(204_000_000L);
  }

  @ParameterizedTest
  @CsvSource({"1000/s, 1000.0", "5/ms, 5000.0", "30/min, 0.5", "7200/h, 2.0"})
  void requestRatesParseToEventsPerSecond(String text, double perSecond) {
    assertThat(Units.parsePerSecond(text)).isEqualTo(perSecond);
  }

  @Test
  void requestRateWithoutUnitIsRefused() {
    assertThatThrownBy(() -> Units.parsePerSecond("1000")).hasMessageContaining("needs a unit");
  }

  @Test
  void fractionAcceptsPercentages() {
    assertThat(Units.parseFraction("0.1%")).isEqualTo(0.001);
    assertThat(Units.parseFraction("0.25")).isEqualTo(0.25);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {0, 1, 999, 1000, 1_500_000, 10_000_000, 3_600_000_000_000L, 123_456_789_012L})
  void formattedDurationParsesBackToTheSameValue(long ns) {
    assertThat(Units.parseDuration(Units.formatDuration(ns))).isEqualTo(ns);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 1000, 56_000, 10_000_000_000L, 2_500_000_000L, 123_456_789L})
  void formattedRateParsesBackToTheSameValue(long bps) {
    assertThat(Units.parseRate(Units.formatRate(bps))).isEqualTo(bps);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1500, 65536, 1 << 20, 10_000_000, 1L << 30})
  void formattedSizeParsesBackToTheSameValue(long bytes) {
    assertThat(Units.parseSize(Units.formatSize(bytes))).isEqualTo(bytes);
  }

  @Test
  void formattingPrefersTheLargestExactUnit() {
    assertThat(Units.formatDuration(10_000_000)).isEqualTo("10ms");
    assertThat(Units.formatRate(10_000_000_000L)).isEqualTo("10Gbps");
    assertThat(Units.formatSize(65536)).isEqualTo("64KiB");
  }
}
