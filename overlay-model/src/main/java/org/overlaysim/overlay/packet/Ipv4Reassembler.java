package org.overlaysim.overlay.packet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles IPv4 fragments as Linux's ip_fragment.c does. Fragments are queued per (source,
 * destination, identification, protocol); the queue's timer starts with its first fragment and
 * expires after {@link #LINUX_TIMEOUT_NS} (net.ipv4.ipfrag_time = 30 s). A fragment overlapping
 * another partially drops the whole datagram (Linux since 4.19, RFC 5722 style); one entirely
 * inside what was received is a duplicate and only it is dropped. Non-last fragments are trimmed to
 * a multiple of 8 bytes; a last fragment that contradicts the known end, data beyond a known end,
 * or an empty fragment drop the datagram. Time comes from outside: nothing here reads a clock.
 *
 * <p>Not modelled: Linux's memory thresholds (ipfrag_high_thresh) that evict queues under load.
 */
public final class Ipv4Reassembler {
  public static final long LINUX_TIMEOUT_NS = 30_000_000_000L;

  private final long timeoutNs;
  // Insertion order is creation order, which with one timeout is expiry order.
  private final Map<Key, Queue> queues = new LinkedHashMap<>();
  private final List<Packet> expiredHeads = new ArrayList<>();
  private long reassembled;
  private long overlapsDropped;
  private long duplicatesDropped;
  private long timeouts;
  private long malformedDropped;

  public Ipv4Reassembler() {
    this(LINUX_TIMEOUT_NS);
  }

  public Ipv4Reassembler(long timeoutNs) {
    if (timeoutNs <= 0) {
      throw new IllegalArgumentException("reassembly timeout must be positive: " + timeoutNs);
    }
    this.timeoutNs = timeoutNs;
  }

  /**
   * Takes a packet starting with its IPv4 header. Returns it unchanged if it is not a fragment, the
   * whole datagram when this fragment completes one, else null (queued, duplicate or dropped).
   */
  public Packet offer(Packet packet, long nowNs) {
    Ipv4Header header = packet.peek(Ipv4Header::read);
    if (!header.isFragment()) {
      return packet;
    }
    collectExpired(nowNs);
    Key key =
        new Key(
            header.source().value(),
            header.destination().value(),
            header.identification(),
            header.protocol());
    Queue queue = queues.get(key);
    if (queue == null) {
      queue = new Queue(nowNs);
      queues.put(key, queue);
    }
    Verdict verdict = queue.add(packet, header);
    switch (verdict) {
      case QUEUED:
        if (queue.complete()) {
          queues.remove(key);
          reassembled++;
          return queue.reassemble();
        }
        return null;
      case DUPLICATE:
        duplicatesDropped++;
        return null;
      case OVERLAP:
        overlapsDropped++;
        queues.remove(key);
        return null;
      default:
        malformedDropped++;
        queues.remove(key);
        return null;
    }
  }

  /**
   * Drops every datagram whose timer ran out by {@code nowNs} and returns the first fragments
   * (offset 0) of those that had one, in expiry order: Linux answers each with ICMP time exceeded,
   * fragment reassembly time exceeded (code 1), quoting that fragment.
   */
  public List<Packet> expire(long nowNs) {
    collectExpired(nowNs);
    List<Packet> heads = new ArrayList<>(expiredHeads);
    expiredHeads.clear();
    return heads;
  }

  /** When the oldest pending datagram expires, or {@code Long.MAX_VALUE} if none is pending. */
  public long nextExpiryNs() {
    Iterator<Queue> it = queues.values().iterator();
    return it.hasNext() ? it.next().createdNs + timeoutNs : Long.MAX_VALUE;
  }

  private void collectExpired(long nowNs) {
    Iterator<Queue> it = queues.values().iterator();
    while (it.hasNext()) {
      Queue queue = it.next();
      if (nowNs - queue.createdNs < timeoutNs) {
        break;
      }
      it.remove();
      timeouts++;
      if (queue.head != null) {
        expiredHeads.add(queue.head);
      }
    }
  }

  public int pendingDatagrams() {
    return queues.size();
  }

  public long reassembledCount() {
    return reassembled;
  }

  public long overlapDropCount() {
    return overlapsDropped;
  }

  public long duplicateDropCount() {
    return duplicatesDropped;
  }

  public long timeoutCount() {
    return timeouts;
  }

  /** Datagrams dropped for an inconsistent end or an empty fragment. */
  public long malformedDropCount() {
    return malformedDropped;
  }

  private record Key(int source, int destination, int identification, int protocol) {}

  private enum Verdict {
    QUEUED,
    DUPLICATE,
    OVERLAP,
    INCONSISTENT
  }

  /** One received fragment: payload bytes offset..end of the datagram. */
  private record Fragment(int offset, int end, Packet packet, int headerLength) {}

  /** Consecutive fragments received in order, as Linux's frag runs; overlap checks use runs. */
  private static final class Run {
    final int start;
    int end;

    Run(int start, int end) {
      this.start = start;
      this.end = end;
    }
  }

  private static final class Queue {
    final long createdNs;
    final List<Fragment> fragments = new ArrayList<>(4);
    final List<Run> runs = new ArrayList<>(2);
    Run tail;
    Packet head;
    Ipv4Header headHeader;
    int length;
    int meat;
    boolean lastIn;

    Queue(long createdNs) {
      this.createdNs = createdNs;
    }

    Verdict add(Packet packet, Ipv4Header header) {
      int offset = header.fragmentOffsetBytes();
      int end = offset + header.payloadLength();
      if (!header.moreFragments()) {
        if (end < length || (lastIn && end != length)) {
          return Verdict.INCONSISTENT;
        }
        lastIn = true;
        length = end;
      } else {
        end &= ~7;
        if (end > length) {
          if (lastIn) {
            return Verdict.INCONSISTENT;
          }
          length = end;
        }
      }
      if (end == offset || header.headerLength() + end > Ipv4Header.MAXIMUM_TOTAL_LENGTH) {
        return Verdict.INCONSISTENT;
      }
      Verdict placed = place(offset, end);
      if (placed != Verdict.QUEUED) {
        return placed;
      }
      insertSorted(new Fragment(offset, end, packet, header.headerLength()));
      meat += end - offset;
      if (offset == 0) {
        head = packet;
        headHeader = header;
      }
      return Verdict.QUEUED;
    }

    /** inet_frag_queue_insert: append to or after the tail run, or search among the runs. */
    private Verdict place(int offset, int end) {
      if (tail == null) {
        tail = new Run(offset, end);
        runs.add(tail);
        return Verdict.QUEUED;
      }
      if (tail.end < end) {
        if (offset < tail.end) {
          return Verdict.OVERLAP;
        }
        if (offset == tail.end) {
          tail.end = end;
        } else {
          tail = new Run(offset, end);
          runs.add(tail);
        }
        return Verdict.QUEUED;
      }
      int index = 0;
      for (; index < runs.size(); index++) {
        Run run = runs.get(index);
        if (end <= run.start) {
          break;
        }
        if (offset >= run.end) {
          continue;
        }
        return offset >= run.start && end <= run.end ? Verdict.DUPLICATE : Verdict.OVERLAP;
      }
      runs.add(index, new Run(offset, end));
      return Verdict.QUEUED;
    }

    private void insertSorted(Fragment fragment) {
      int index = fragments.size();
      while (index > 0 && fragments.get(index - 1).offset() > fragment.offset()) {
        index--;
      }
      fragments.add(index, fragment);
    }

    boolean complete() {
      return head != null && lastIn && meat == length;
    }

    /** ip_frag_reasm: the head's header with the full length, offset 0, MF clear. */
    Packet reassemble() {
      int realPayload = 0;
      for (int i = 0; i < fragments.size(); i++) {
        Fragment f = fragments.get(i);
        int real = Math.min(f.packet().realLength() - f.headerLength(), f.end() - f.offset());
        if (real > 0) {
          realPayload = Math.max(realPayload, f.offset() + real);
        }
      }
      byte[] data = new byte[Packet.DEFAULT_HEADROOM + realPayload];
      for (int i = 0; i < fragments.size(); i++) {
        Fragment f = fragments.get(i);
        int real = Math.min(f.packet().realLength() - f.headerLength(), f.end() - f.offset());
        if (real > 0) {
          f.packet().copyBytes(f.headerLength(), data, Packet.DEFAULT_HEADROOM + f.offset(), real);
        }
      }
      Packet datagram = Packet.adopt(data, length - realPayload);
      datagram.copyMetadataFrom(head);
      Ipv4Header whole =
          Ipv4Header.checksummed(
              headHeader.dscp(),
              headHeader.ecn(),
              headHeader.headerLength() + length,
              headHeader.identification(),
              headHeader.dontFragment(),
              false,
              0,
              headHeader.ttl(),
              headHeader.protocol(),
              headHeader.source(),
              headHeader.destination(),
              headHeader.options());
      datagram.push(whole);
      return datagram;
    }
  }
}
