package org.overlaysim.engine;

/**
 * A one-way path between two partitions of a {@link PartitionedSimulator}: what the sending
 * partition puts on it now reaches the receiving partition's clock at a later time, never less than
 * the channel's lookahead after the send. In the network model it is one direction of a link with
 * delay between two sites; the lookahead is the least delay a packet can see on it.
 *
 * <p>Single producer (the sending partition's thread), single consumer (the receiving one's). Items
 * sit in linked chunks that are never moved, so the consumer reads what the producer published
 * while the producer goes on appending. Publication happens between steps under the partitioned
 * simulator's lock, which orders the producer's writes before the consumer's reads.
 */
public final class Channel {
  private static final int CHUNK = 1024;

  private final int from;
  private final int to;
  private final long lookaheadNs;
  private final ChannelReceiver receiver;
  private final boolean countsAsEvent;

  // Producer's side.
  private Chunk tail = new Chunk();
  private int tailUsed;
  private long posted;
  private long lastTimeNs;

  // Published count: written by the producer after its step, read under the lock.
  private long published;

  // Consumer's side: items in [consumed, visible) may be delivered.
  private Chunk head = tail;
  private int headUsed;
  private long consumed;
  private long visible;

  Channel(int from, int to, long lookaheadNs, ChannelReceiver receiver, boolean countsAsEvent) {
    this.countsAsEvent = countsAsEvent;
    this.from = from;
    this.to = to;
    this.lookaheadNs = lookaheadNs;
    this.receiver = receiver;
  }

  /**
   * Sends {@code item} (with a {@code word} of the sender's choosing) to arrive at {@code timeNs}.
   * Arrival times never decrease along a channel, and each is at least the lookahead after the
   * sender's now: the caller guarantees both (a FIFO link does).
   */
  public void post(long timeNs, Object item, long word) {
    if (timeNs < lastTimeNs) {
      throw new IllegalArgumentException("arrivals must not decrease on a channel");
    }
    lastTimeNs = timeNs;
    if (tailUsed == CHUNK) {
      Chunk next = new Chunk();
      tail.next = next;
      tail = next;
      tailUsed = 0;
    }
    tail.times[tailUsed] = timeNs;
    tail.items[tailUsed] = item;
    tail.words[tailUsed] = word;
    tailUsed++;
    posted++;
  }

  /** The partition that sends. */
  public int from() {
    return from;
  }

  /** The partition that receives. */
  public int to() {
    return to;
  }

  /** The least time from a send to its arrival. */
  public long lookaheadNs() {
    return lookaheadNs;
  }

  /**
   * Whether an arrival is counted and fingerprinted as an event: a packet's arrival is (the
   * sequential run has that event too); a notice standing for a call the sequential run makes
   * inside another event is not, so both runs count the same events.
   */
  boolean countsAsEvent() {
    return countsAsEvent;
  }

  /** Producer, after a step: what was posted becomes visible to the next snapshot. */
  void publish() {
    published = posted;
  }

  /** Consumer, before a step: takes what has been published. */
  void snapshot() {
    visible = published;
    advance();
  }

  /** The next deliverable item's time, or {@link Long#MAX_VALUE}. */
  long firstTimeNs() {
    return consumed < visible ? head.times[headUsed] : Long.MAX_VALUE;
  }

  /** Delivers the next item to the receiver. */
  void deliverFirst() {
    Chunk chunk = head;
    int at = headUsed;
    Object item = chunk.items[at];
    long word = chunk.words[at];
    chunk.items[at] = null;
    consumed++;
    if (++headUsed == CHUNK) {
      // Past a full chunk: its successor exists, as the producer linked it before filling it.
      if (consumed < visible) {
        head = chunk.next;
        headUsed = 0;
      } else {
        headUsed = CHUNK; // wait here until the producer links the next chunk
      }
    }
    receiver.arrived(item, word);
  }

  /** Moves past a chunk that was full when last read, once a later snapshot shows more. */
  private void advance() {
    if (headUsed == CHUNK && consumed < visible) {
      head = head.next;
      headUsed = 0;
    }
  }

  private static final class Chunk {
    final long[] times = new long[CHUNK];
    final long[] words = new long[CHUNK];
    final Object[] items = new Object[CHUNK];
    Chunk next;
  }
}
