package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A link's rate, queue and random loss on the kernel: a {@code tbf} qdisc on the sending end of
 * every link direction, and for a lossy link an nftables {@code numgen random} rule on the
 * receiving end's ingress. Commands only; {@link NetworkPlan} places them.
 */
final class LinkShaping {
  /**
   * Bytes a frame occupies on an Ethernet wire beyond what tbf sees: tbf charges the skb, the L2
   * frame without FCS (4), preamble and start-of-frame (8) and inter-frame gap (12). With this
   * {@code overhead} a full-size frame costs the same byte-times in tbf as on the simulator's wire
   * (IP length + 38).
   */
  static final int WIRE_OVERHEAD = 24;

  /** The smallest frame on the wire, padding, preamble and gap included (64 + 8 + 12). */
  static final int MIN_WIRE_FRAME = 84;

  /**
   * The peak rate, a multiple of the rate, with a bucket of one frame: tbf lets through at once no
   * more than one frame (so it cuts every GSO batch into frames, each charged its own overhead and
   * each lost or kept alone), and frames after an idle spell leave at most at ten times the rate.
   */
  static final long PEAK_FACTOR = 10;

  /** Resolution of the loss rule: numgen draws a number below this, uniform. */
  static final long LOSS_SCALE = 1_000_000_000L;

  /** The nftables table of the loss rules, one per router namespace with a lossy link. */
  static final String LOSS_TABLE = "osim_loss";

  /** Named counters of the loss rules start with this; the rest is the device name. */
  static final String LOSS_COUNTER_PREFIX = "loss_";

  private final Map<String, List<String>> lossRules = new LinkedHashMap<>();
  private final List<NetworkPlan.LossCounter> lossCounters = new ArrayList<>();

  private LinkShaping() {}

  static LinkShaping create() {
    return new LinkShaping();
  }

  /**
   * Bucket size of a link's tbf. One maximal frame is the least tbf accepts, and the most a link
   * that serializes one frame at a time could ever send back to back; but tbf refills its bucket
   * only when its timer fires, and a timer that fires late (softirq latency on a loaded machine,
   * tens of microseconds) with a one-frame bucket loses the tokens of the delay: the link runs
   * slower than its rate. A bucket of 1 ms of the rate absorbs such delays, and lets at most 1 ms
   * of traffic pass at once after an idle spell, which no queue of the path notices at the rates
   * emulated (12.5 kB at 100 Mbit/s, under 9 frames). At least two maximal frames, so that a frame
   * that waited never also waits for the bucket to fill for the next one. (Buckets of 4 and 20 ms
   * gave the same goodputs on a loaded machine: what varies there is not tbf's refill.)
   */
  static long burstBytes(long rateBps, int mtu) {
    long frame = mtu + 14L + WIRE_OVERHEAD;
    return Math.max(2 * frame, rateBps / 8 / 1000);
  }

  /**
   * The sending end of a link direction: {@code tbf} at the link's rate with the link's queue as
   * its byte limit (tbf's inner bfifo, drop-tail as the simulator's queue); under netem, when a
   * delay is given and netem exists, as netem's child so that frames are delayed, then serialized.
   */
  List<Step> rate(
      String ns, String dev, long rateBps, long queueBytes, int mtu, OptionalLong netemDelayNs) {
    List<Step> steps = new ArrayList<>();
    List<String> tbf =
        new ArrayList<>(List.of("ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", dev));
    if (netemDelayNs.isPresent()) {
      steps.add(
          Step.of(
              "ip",
              "netns",
              "exec",
              ns,
              "tc",
              "qdisc",
              "add",
              "dev",
              dev,
              "root",
              "handle",
              "1:",
              "netem",
              "delay",
              (netemDelayNs.getAsLong() / 1000) + "us"));
      tbf.addAll(List.of("parent", "1:1", "handle", "2:"));
    } else {
      tbf.add("root");
    }
    tbf.addAll(
        List.of(
            "tbf",
            "rate",
            rateBps + "bit",
            "burst",
            Long.toString(burstBytes(rateBps, mtu)),
            "limit",
            Long.toString(Math.max(queueBytes, mtu + 14L)),
            "peakrate",
            (rateBps * PEAK_FACTOR) + "bit",
            "mtu",
            Integer.toString(mtu + 14 + WIRE_OVERHEAD),
            "overhead",
            Integer.toString(WIRE_OVERHEAD),
            "mpu",
            Integer.toString(MIN_WIRE_FRAME)));
    steps.add(new Step(tbf, "", false));
    return steps;
  }

  /**
   * Random loss of a link direction, on the receiving end: frames that crossed the sending end's
   * tbf (and so used the link's time, as a frame lost in transit does in the simulator) are dropped
   * at ingress with probability {@code loss}, counted per device; {@code where} names the direction
   * as drops.csv does.
   */
  void loss(String receivingNs, String dev, double loss, String where) {
    long threshold = Math.round(loss * LOSS_SCALE);
    if (threshold <= 0) {
      return;
    }
    String counter = LOSS_COUNTER_PREFIX + dev;
    lossCounters.add(new NetworkPlan.LossCounter(receivingNs, counter, where));
    lossRules
        .computeIfAbsent(receivingNs, k -> new ArrayList<>())
        .add(
            "  counter "
                + counter
                + " {\n  }\n"
                + "  chain "
                + dev
                + " {\n"
                + "    type filter hook ingress device \""
                + dev
                + "\" priority 0; policy accept;\n"
                + "    numgen random mod "
                + LOSS_SCALE
                + " < "
                + threshold
                + " counter name "
                + counter
                + " drop\n"
                + "  }\n");
  }

  List<NetworkPlan.LossCounter> lossCounters() {
    return List.copyOf(lossCounters);
  }

  /** One {@code nft -f -} step per namespace with lossy links. */
  List<Step> lossSteps() {
    List<Step> steps = new ArrayList<>();
    lossRules.forEach(
        (ns, chains) ->
            steps.add(
                new Step(
                    List.of("ip", "netns", "exec", ns, "nft", "-f", "-"),
                    "table netdev " + LOSS_TABLE + " {\n" + String.join("", chains) + "}\n",
                    false)));
    return steps;
  }
}
