package org.overlaysim.scenario;

import java.util.Locale;

/** A TCP congestion control, as Linux names it in {@code net.ipv4.tcp_congestion_control}. */
public enum CongestionAlgorithm {
  /** Linux's default since 2.6.19 (net/ipv4/tcp_cubic.c, RFC 9438). */
  CUBIC,
  /** Linux's built-in reno (net/ipv4/tcp_cong.c), with SACK. */
  RENO;

  /** The scenario-format name: cubic, reno. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
