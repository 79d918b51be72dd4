package org.overlaysim.emulation;

import java.util.List;
import java.util.Objects;

/**
 * One ping flow as the kernel ran it, every pair of its endpoints summed.
 *
 * @param rttNs round-trip times of every reply
 * @param lostSeqs the icmp_seq (from 1, sent at start + (seq - 1) intervals) of every request that
 *     got no reply, every pair's, ascending
 * @param localMtu the MTU of a "message too long" refusal by the sending stack, or -1
 * @param fragNeededMtu the MTU of an ICMP fragmentation-needed reply, or -1
 */
public record PingResult(
    String flow,
    String src,
    String dst,
    long transmitted,
    long received,
    long localErrors,
    List<Long> rttNs,
    List<Long> lostSeqs,
    int localMtu,
    int fragNeededMtu) {
  public PingResult {
    Objects.requireNonNull(flow, "flow");
    rttNs = List.copyOf(rttNs);
    lostSeqs = lostSeqs.stream().sorted().toList();
  }
}
