package org.overlaysim.topology;

import java.util.Objects;
import org.overlaysim.engine.Channel;
import org.overlaysim.engine.ChannelReceiver;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;

/**
 * One direction of a link: a FIFO drop-tail queue in front of a wire of the link's bandwidth,
 * followed by the propagation delay. The only mutable state of a link.
 *
 * <p>A packet starts serializing when the wire is free, occupies it for its Ethernet wire bytes
 * ({@link EthernetFraming}) at the line rate, and arrives at the far end after the propagation
 * delay plus a jitter draw. Arrival times never decrease, so jitter never reorders a FIFO link
 * (arrival = max(previous arrival, end of serialization + delay + jitter)): unlike Linux netem's
 * plain {@code delay D J}, which reorders, this is a wire. Loss is drawn when the packet is sent
 * (it still occupies the wire) and reported when it would have arrived.
 *
 * <p>The queue counts the IP bytes of packets waiting for the wire, not the one being serialized
 * (as a qdisc backlog): a packet that finds the wire idle is always sent.
 *
 * <p>In-flight packets sit in a ring buffer; this object is the event handler for every arrival, so
 * the send path allocates nothing of its own. Arrivals are FIFO, so only the oldest packet in
 * flight has an event in the simulator's queue; its arrival schedules the next one. The event queue
 * then holds one event per busy link direction instead of one per packet in flight (tens of
 * thousands on a long fat link), which keeps every queue operation cheap.
 */
public final class LinkTransmitter implements EventHandler, ChannelReceiver {
  private final Simulator simulator;
  private Link link;
  private final String from;
  private final String to;
  private final RandomStream lossStream;
  private final RandomStream jitterStream;
  // The link's parameters, copied out of it: read for every packet, and this object's own fields
  // share its cache lines. A scenario's set event replaces them (change).
  private int mtu;
  private long queueLimitBytes;
  private long bandwidthBps;
  private double loss;
  private long delayNs;
  private long jitterNs;
  private LinkSink sink;
  private LinkTap tap;
  private long senderDelayNs;
  private long receiverDelayNs;

  // Ring of packets on this direction, indexed by absolute sequence numbers & mask:
  // [headSeq, startedSeq) are on the wire or propagating, [startedSeq, tailSeq) wait in the queue.
  // Beside each packet, in one array so that a packet's times are one cache line (10,000 access
  // link directions of a large cluster do not stay in the caches): start of serialization,
  // arrival, and IP length * 2 + lost (the length kept so that releasing a packet from the queue
  // need not read the packet).
  private static final int RING_WORDS = 3;
  private Transmittable[] items = new Transmittable[16];
  private long[] ring = new long[16 * RING_WORDS];
  private long headSeq;
  private long startedSeq;
  private long tailSeq;

  private boolean down;
  // Packets before this sequence number were queued or on the wire when the link went down.
  private long cutBeforeSeq;

  private long queuedBytes;
  private long busyUntilNs;
  private long lastArrivalNs;

  // When the far end is in another partition: packets go there on this channel at send time (the
  // arrival is known then) instead of waiting here for an arrival event.
  private Channel crossing;

  // Written by the sending side.
  private long packets;
  private long bytes;
  private long wireBytes;
  private long busyNs;
  private long queueFullDrops;
  private long mtuRefusals;
  private long linkDownDrops;
  private long droppedBytes;
  // Written where packets arrive (the far partition's thread for a crossing link).
  private long delivered;
  private long linkLossDrops;
  private long arrivalDropBytes;

  /**
   * A transmitter from {@code from} to the opposite end of {@code link}. Loss and jitter come from
   * the streams {@code link/<name>/<from>-><to>/loss} and {@code .../jitter}, so each direction of
   * each link has its own numbers whatever else the scenario contains.
   */
  public LinkTransmitter(Simulator simulator, RandomStreams streams, Link link, String from) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.link = Objects.requireNonNull(link, "link");
    this.from = from;
    this.to = link.opposite(from);
    String prefix = "link/" + link.name() + "/" + direction() + "/";
    this.lossStream = streams.stream(prefix + "loss");
    this.jitterStream = streams.stream(prefix + "jitter");
    adopt(link);
    this.sink = NO_SINK;
  }

  private void adopt(Link parameters) {
    this.link = parameters;
    this.mtu = parameters.mtu();
    this.queueLimitBytes = parameters.queueBytes();
    this.bandwidthBps = parameters.bandwidthBps();
    this.loss = parameters.loss();
    this.delayNs = parameters.delayNs();
    this.jitterNs = parameters.jitterNs();
  }

  private static final LinkSink NO_SINK = (item, via) -> {};

  /** Where arriving packets go. */
  public void connect(LinkSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Constant processing at the two ends, folded into this direction instead of costing events of
   * their own: every packet reaches the queue {@code senderNs} after {@link #send} (a VTEP's
   * encapsulation) and is handed to the sink {@code receiverNs} after it has arrived (the far
   * VTEP's decapsulation). Exact as long as every packet of this direction pays the same: the queue
   * is then simply looked at {@code senderNs} later, and arrivals keep their order.
   */
  public void endDelays(long senderNs, long receiverNs) {
    if (senderNs < 0 || receiverNs < 0) {
      throw new IllegalArgumentException("negative end delay");
    }
    this.senderDelayNs = senderNs;
    this.receiverDelayNs = receiverNs;
  }

  /**
   * Sends to a receiving end in another partition over {@code channel}: each packet is posted with
   * its arrival time when it is sent, and arrives there through {@link #arrived}. Whoever made the
   * channel gave it this direction's least delay as lookahead.
   */
  public void crossTo(Channel channel) {
    this.crossing = Objects.requireNonNull(channel, "channel");
  }

  /** Sees every packet accepted for the wire; {@code null} removes the tap. */
  public void tap(LinkTap tap) {
    this.tap = tap;
  }

  public Link link() {
    return link;
  }

  /** Sending end's node name. */
  public String from() {
    return from;
  }

  /** Receiving end's node name. */
  public String to() {
    return to;
  }

  /** {@code from->to}. */
  public String direction() {
    return from + "->" + to;
  }

  /**
   * Hands a packet to this direction now. Refusals (over the MTU, queue full) are counted here and
   * returned; nothing else happens to the packet. A sent packet reaches the sink later, or is
   * reported lost there.
   */
  public SendResult send(Transmittable item) {
    int length = item.ipLength();
    if (down) {
      linkDownDrops++;
      droppedBytes += length;
      return SendResult.LINK_DOWN;
    }
    if (length > mtu) {
      mtuRefusals++;
      droppedBytes += length;
      return SendResult.MTU_EXCEEDED;
    }
    long now = simulator.nowNs() + senderDelayNs;
    releaseStarted(now);
    boolean waits = busyUntilNs > now;
    if (waits && queuedBytes + length > queueLimitBytes) {
      queueFullDrops++;
      droppedBytes += length;
      return SendResult.QUEUE_FULL;
    }
    long start = waits ? busyUntilNs : now;
    long serialization = EthernetFraming.serializationNs(length, bandwidthBps);
    long end = start + serialization;
    busyUntilNs = end;
    busyNs += serialization;
    long arrival = Math.max(lastArrivalNs, end + propagationNs() + receiverDelayNs);
    lastArrivalNs = arrival;
    boolean lost = loss > 0 && lossStream.nextDouble() < loss;

    if (tailSeq - headSeq == items.length) {
      grow();
    }
    int slot = (int) (tailSeq & (items.length - 1));
    if (crossing == null) {
      items[slot] = item;
    } else {
      crossing.post(arrival, item, lost ? 1 : 0);
    }
    int at = slot * RING_WORDS;
    ring[at] = start;
    ring[at + 1] = arrival;
    ring[at + 2] = 2L * length + (lost ? 1 : 0);
    boolean idle = tailSeq == headSeq;
    tailSeq++;
    if (waits) {
      queuedBytes += length;
    } else {
      startedSeq = tailSeq;
    }
    packets++;
    bytes += length;
    wireBytes += EthernetFraming.wireBytes(length);
    if (idle && crossing == null) {
      simulator.scheduleAt(arrival, this);
    }
    if (tap != null) {
      tap.transmitting(item, this, start);
    }
    return SendResult.SENT;
  }

  private long propagationNs() {
    if (jitterNs == 0) {
      return delayNs;
    }
    long draw = Math.round(jitterNs * (2 * jitterStream.nextDouble() - 1));
    return Math.max(0, delayNs + draw);
  }

  /** Packets whose serialization has begun leave the queue. */
  private void releaseStarted(long now) {
    int mask = items.length - 1;
    while (startedSeq < tailSeq) {
      int at = (int) (startedSeq & mask) * RING_WORDS;
      if (ring[at] > now) {
        break;
      }
      queuedBytes -= ring[at + 2] >>> 1;
      startedSeq++;
    }
    if (crossing != null) {
      headSeq = startedSeq; // on the wire: the channel has it
    }
  }

  /** A packet of a crossing link arrives in the far partition. */
  @Override
  public void arrived(Object item, long lost) {
    Transmittable packet = (Transmittable) item;
    if (lost != 0) {
      linkLossDrops++;
      arrivalDropBytes += packet.ipLength();
      sink.lost(packet, this);
    } else {
      delivered++;
      sink.delivered(packet, this);
    }
  }

  /** Arrival of the oldest packet in flight; schedules the next one's before handing this on. */
  @Override
  public void handle() {
    releaseStarted(simulator.nowNs());
    int slot = (int) (headSeq & (items.length - 1));
    Transmittable item = items[slot];
    boolean lost = (ring[slot * RING_WORDS + 2] & 1) != 0;
    items[slot] = null;
    headSeq++;
    if (headSeq < tailSeq) {
      simulator.scheduleAt(ring[(int) (headSeq & (items.length - 1)) * RING_WORDS + 1], this);
    }
    if (headSeq <= cutBeforeSeq) {
      linkDownDrops++;
      droppedBytes += item.ipLength();
      sink.cut(item, this);
    } else if (lost) {
      linkLossDrops++;
      arrivalDropBytes += item.ipLength();
      sink.lost(item, this);
    } else {
      delivered++;
      sink.delivered(item, this);
    }
  }

  private void grow() {
    int capacity = items.length * 2;
    Transmittable[] newItems = new Transmittable[capacity];
    long[] newRing = new long[capacity * RING_WORDS];
    int oldMask = items.length - 1;
    int newMask = capacity - 1;
    for (long seq = headSeq; seq < tailSeq; seq++) {
      int o = (int) (seq & oldMask);
      int n = (int) (seq & newMask);
      newItems[n] = items[o];
      System.arraycopy(ring, o * RING_WORDS, newRing, n * RING_WORDS, RING_WORDS);
    }
    items = newItems;
    ring = newRing;
  }

  /**
   * Takes this direction down (a scenario event): what is queued or on the wire is lost ({@code
   * link-down}, reported when it would have arrived, as arrivals keep their order), and {@link
   * #send} refuses every packet until {@link #up}. Linux likewise drops a device's queue when its
   * carrier goes (dev_deactivate resets the qdisc).
   */
  public void down() {
    down = true;
    cutBeforeSeq = tailSeq;
    long now = simulator.nowNs();
    busyNs -= Math.max(0, busyUntilNs - now); // serialization that will not happen
    busyUntilNs = Math.min(busyUntilNs, now);
    queuedBytes = 0;
    startedSeq = tailSeq;
  }

  /** Brings this direction up again: it sends from now on. */
  public void up() {
    down = false;
  }

  /**
   * Gives the link new parameters (a scenario's {@code set} event): packets sent from now on are
   * serialized at the new bandwidth and take the new delay and loss; those already sent keep
   * theirs, and arrivals keep their order.
   */
  public void change(Link changed) {
    if (!changed.name().equals(link.name())) {
      throw new IllegalArgumentException("not link " + link.name() + ": " + changed.name());
    }
    adopt(changed);
  }

  /** IP bytes waiting for the wire now. */
  public long queuedBytes() {
    releaseStarted(simulator.nowNs());
    return queuedBytes;
  }

  /** Packets sent and not yet arrived (or reported lost). */
  public int inFlight() {
    return (int) (tailSeq - headSeq);
  }

  /** Counters up to now; busy time excludes serialization still ahead. */
  public LinkCounters counters() {
    long now = simulator.nowNs();
    long busy = busyNs - Math.max(0, busyUntilNs - now);
    return new LinkCounters(
        link.name(),
        direction(),
        packets,
        bytes,
        wireBytes,
        busy,
        delivered,
        queueFullDrops,
        linkLossDrops,
        linkDownDrops,
        mtuRefusals,
        droppedBytes + arrivalDropBytes);
  }

  @Override
  public String toString() {
    return link.name() + " " + direction();
  }
}
