package org.overlaysim.emulation.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What iputils ping printed: the round-trip time of each reply, the summary counts, and the local
 * errors (EMSGSIZE, "message too long") and ICMP fragmentation-needed messages it reported.
 *
 * @param rttNs one entry per echo reply, in arrival order
 * @param replySeqs the icmp_seq of each echo reply, in arrival order (iputils counts from 1)
 * @param localMtu the MTU named by "local error: message too long, mtu=N", or -1
 * @param fragNeededMtu the MTU named by a "Frag needed and DF set (mtu = N)" reply, or -1
 */
public record PingOutput(
    long transmitted,
    long received,
    long errors,
    List<Long> rttNs,
    List<Long> replySeqs,
    int localMtu,
    int fragNeededMtu) {
  private static final Pattern REPLY =
      Pattern.compile("icmp_seq=(\\d+) ttl=\\d+ time=([0-9.]+) ms");
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) received(?:, \\+(\\d+) errors)?");
  private static final Pattern LOCAL = Pattern.compile("message too long, mtu=(\\d+)");
  private static final Pattern FRAG = Pattern.compile("Frag needed and DF set \\(mtu = (\\d+)\\)");

  public PingOutput {
    rttNs = List.copyOf(rttNs);
    replySeqs = List.copyOf(replySeqs);
  }

  /** The icmp_seq of every request sent that got no reply, ascending. */
  public List<Long> lostSeqs() {
    java.util.Set<Long> replied = new java.util.HashSet<>(replySeqs);
    List<Long> lost = new ArrayList<>();
    for (long seq = 1; seq <= transmitted; seq++) {
      if (!replied.contains(seq)) {
        lost.add(seq);
      }
    }
    return lost;
  }

  public static PingOutput parse(String text) {
    List<Long> rtts = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    Matcher reply = REPLY.matcher(text);
    while (reply.find()) {
      seqs.add(Long.parseLong(reply.group(1)));
      rtts.add(Math.round(Double.parseDouble(reply.group(2)) * 1e6));
    }
    long transmitted = 0;
    long received = rtts.size();
    long errors = 0;
    Matcher summary = SUMMARY.matcher(text);
    if (summary.find()) {
      transmitted = Long.parseLong(summary.group(1));
      received = Long.parseLong(summary.group(2));
      errors = summary.group(3) == null ? 0 : Long.parseLong(summary.group(3));
    }
    Matcher local = LOCAL.matcher(text);
    Matcher frag = FRAG.matcher(text);
    return new PingOutput(
        transmitted,
        received,
        errors,
        rtts,
        seqs,
        local.find() ? Integer.parseInt(local.group(1)) : -1,
        frag.find() ? Integer.parseInt(frag.group(1)) : -1);
  }
}
