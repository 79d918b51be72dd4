package org.overlaysim.overlay.policy;

import java.util.Arrays;
import org.overlaysim.engine.random.SplitMix64;

/**
 * The connection-tracking table of one host (in Linux, of one network namespace), so that replies
 * of an allowed connection pass both ends' policies while a new connection the other way is checked
 * afresh. Time is the simulator's, in ns, passed in; entries expire lazily.
 *
 * <p>Use per packet, at each place a policy is enforced: {@link #lookup}; if {@link CtInfo#NEW},
 * evaluate the policies and, when every check on this host allowed it, {@link #confirm} (Linux
 * confirms at the end of the host's netfilter path, so two checks on one host — egress of a local
 * source, ingress of a local destination — both see the packet as NEW).
 *
 * <p>TCP follows the Linux state machine (nf_conntrack_proto_tcp.c), simplified: SYN makes
 * SYN_SENT, the reply SYN+ACK SYN_RECV, the ACK ESTABLISHED; FIN, the other side's FIN and the last
 * ACK lead through FIN_WAIT/CLOSE_WAIT and LAST_ACK to TIME_WAIT; RST to CLOSE. A mid-stream packet
 * of an unknown connection is picked up as ESTABLISHED (nf_conntrack_tcp_loose=1), a SYN in
 * TIME_WAIT or CLOSE starts a new connection. UDP, ICMP and SCTP go by timeout only.
 *
 * <p>ICMP has no ports: pass the echo identifier as both ports. {@code zone} keeps overlays with
 * overlapping addresses apart (Linux conntrack zones); pass the VNI or the overlay's index.
 *
 * <p>Tuples are packed into two longs in an open-addressing table with linear probing, both
 * directions of a connection hashed (as Linux hashes both tuples); no boxing on the packet path.
 */
public final class ConnectionTracker {
  /** TCP header flag bits (RFC 793 section 3.1). */
  public static final int FIN = 0x01;

  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int ACK = 0x10;

  public static final int MAX_ZONE = (1 << 24) - 1;

  private static final byte SYN_SENT = 1;
  private static final byte SYN_RECV = 2;
  private static final byte ESTABLISHED = 3;
  private static final byte FIN_WAIT = 4;
  private static final byte CLOSE_WAIT = 5;
  private static final byte LAST_ACK = 6;
  private static final byte TIME_WAIT = 7;
  private static final byte CLOSE = 8;
  private static final byte NO_TCP_STATE = 0;

  private static final int SEEN_REPLY = 1;
  private static final int FIN_FROM_REPLY = 2;
  private static final long UDP_STREAM_AFTER_NS = 2_000_000_000L;
  private static final int EMPTY = -1;

  private final ConntrackTimeouts timeouts;

  // The hash table, tuple -> connection * 2 + direction (1 = reply), a slot's three words side by
  // side (high, low, ref) so that a probe reads one cache line rather than one in each of three
  // arrays: on a large cluster's hosts the table outgrows the caches and a lookup per packet
  // and direction made it the first item of a run's profile.
  private static final int SLOT_WORDS = 3;
  private long[] table;
  private int slots;
  private int used;

  // The connections, in parallel arrays; free slots chained through nextFree.
  private long[] origHigh = new long[16];
  private long[] origLow = new long[16];
  private byte[] states = new byte[16];
  private int[] flags = new int[16];
  private long[] expiresNs = new long[16];
  private long[] streamAtNs = new long[16];
  private int[] nextFree = new int[16];
  private int firstFree = EMPTY;
  private int allocated;
  private int live;

  public ConnectionTracker() {
    this(ConntrackTimeouts.LINUX);
  }

  public ConnectionTracker(ConntrackTimeouts timeouts) {
    this.timeouts = timeouts;
    allocateTable(64);
  }

  private void allocateTable(int capacity) {
    table = new long[capacity * SLOT_WORDS];
    slots = capacity;
    for (int slot = 0; slot < capacity; slot++) {
      table[slot * SLOT_WORDS + 2] = EMPTY;
    }
    used = 0;
  }

  private int ref(int slot) {
    return (int) table[slot * SLOT_WORDS + 2];
  }

  /** Connections held, including expired ones not yet collected. */
  public int size() {
    return live;
  }

  /**
   * Classifies a packet against the table and, for a tracked connection, advances its state and
   * refreshes its timer. A NEW result changes nothing.
   */
  public CtInfo lookup(
      int zone,
      int srcIp,
      int dstIp,
      int protocol,
      int srcPort,
      int dstPort,
      int tcpFlags,
      long nowNs) {
    long high = high(srcIp, dstIp);
    long low = low(zone, protocol, srcPort, dstPort);
    int slot = find(high, low);
    if (slot < 0) {
      return CtInfo.NEW;
    }
    int connection = ref(slot) >>> 1;
    boolean reply = (ref(slot) & 1) == 1;
    if (expiresNs[connection] <= nowNs) {
      remove(connection);
      return CtInfo.NEW;
    }
    switch (protocol) {
      case Transport.TCP -> {
        if (!advanceTcp(connection, reply, tcpFlags, nowNs)) {
          remove(connection);
          return CtInfo.NEW;
        }
      }
      case Transport.UDP -> advanceUdp(connection, reply, nowNs);
      case Transport.ICMP -> expiresNs[connection] = nowNs + timeouts.icmpNs();
      case Transport.SCTP -> {
        if (reply) {
          flags[connection] |= SEEN_REPLY;
        }
        boolean answered = (flags[connection] & SEEN_REPLY) != 0;
        expiresNs[connection] =
            nowNs + (answered ? timeouts.sctpEstablishedNs() : timeouts.sctpNewNs());
      }
      default -> expiresNs[connection] = nowNs + timeouts.otherNs();
    }
    return reply ? CtInfo.ESTABLISHED_REPLY : CtInfo.ESTABLISHED;
  }

  /**
   * Starts tracking the connection whose first packet this is (the policies allowed it). A packet
   * of a live connection changes nothing; a TCP RST starts nothing (Linux tracks no connection from
   * a RST).
   */
  public void confirm(
      int zone,
      int srcIp,
      int dstIp,
      int protocol,
      int srcPort,
      int dstPort,
      int tcpFlags,
      long nowNs) {
    if (zone < 0 || zone > MAX_ZONE) {
      throw new IllegalArgumentException("zone outside 0.." + MAX_ZONE + ": " + zone);
    }
    long high = high(srcIp, dstIp);
    long low = low(zone, protocol, srcPort, dstPort);
    long replyHigh = high(dstIp, srcIp);
    long replyLow = low(zone, protocol, dstPort, srcPort);
    if (alive(high, low, nowNs) || alive(replyHigh, replyLow, nowNs)) {
      return;
    }
    if (protocol == Transport.TCP && (tcpFlags & RST) != 0) {
      return;
    }
    collectIfFull(nowNs);
    int connection = allocateConnection();
    origHigh[connection] = high;
    origLow[connection] = low;
    flags[connection] = 0;
    streamAtNs[connection] = nowNs + UDP_STREAM_AFTER_NS;
    switch (protocol) {
      case Transport.TCP -> {
        boolean opening = (tcpFlags & SYN) != 0 && (tcpFlags & ACK) == 0;
        states[connection] = opening ? SYN_SENT : ESTABLISHED;
        expiresNs[connection] = nowNs + tcpTimeout(states[connection]);
      }
      case Transport.UDP -> expiresNs[connection] = nowNs + timeouts.udpNs();
      case Transport.ICMP -> expiresNs[connection] = nowNs + timeouts.icmpNs();
      case Transport.SCTP -> expiresNs[connection] = nowNs + timeouts.sctpNewNs();
      default -> expiresNs[connection] = nowNs + timeouts.otherNs();
    }
    if (protocol != Transport.TCP) {
      states[connection] = NO_TCP_STATE;
    }
    insert(high, low, connection << 1);
    if (replyHigh != high || replyLow != low) {
      insert(replyHigh, replyLow, (connection << 1) | 1);
    }
  }

  /** Drops every connection whose timer has run out by {@code nowNs}. */
  public void expire(long nowNs) {
    for (int c = 0; c < allocated; c++) {
      if (isLive(c) && expiresNs[c] <= nowNs) {
        remove(c);
      }
    }
  }

  private boolean isLive(int connection) {
    return expiresNs[connection] != Long.MIN_VALUE;
  }

  private boolean alive(long high, long low, long nowNs) {
    int slot = find(high, low);
    if (slot < 0) {
      return false;
    }
    int connection = ref(slot) >>> 1;
    if (expiresNs[connection] <= nowNs) {
      remove(connection);
      return false;
    }
    return true;
  }

  /** False when the packet opens a new connection in place of this one (SYN in TIME_WAIT/CLOSE). */
  private boolean advanceTcp(int connection, boolean reply, int tcpFlags, long nowNs) {
    boolean syn = (tcpFlags & SYN) != 0;
    boolean ack = (tcpFlags & ACK) != 0;
    boolean fin = (tcpFlags & FIN) != 0;
    byte state = states[connection];
    if (!reply && syn && !ack && (state == TIME_WAIT || state == CLOSE)) {
      return false;
    }
    boolean finFromReply = (flags[connection] & FIN_FROM_REPLY) != 0;
    boolean fromFinSender = reply == finFromReply;
    if ((tcpFlags & RST) != 0) {
      state = CLOSE;
    } else {
      switch (state) {
        case SYN_SENT -> {
          if (reply && syn && ack) {
            state = SYN_RECV;
          }
        }
        case SYN_RECV -> {
          if (!reply && ack && !syn) {
            state = fin ? FIN_WAIT : ESTABLISHED;
            if (fin) {
              flags[connection] &= ~FIN_FROM_REPLY;
            }
          }
        }
        case ESTABLISHED -> {
          if (fin) {
            state = FIN_WAIT;
            flags[connection] =
                reply ? flags[connection] | FIN_FROM_REPLY : flags[connection] & ~FIN_FROM_REPLY;
          }
        }
        case FIN_WAIT -> {
          if (!fromFinSender && fin) {
            state = LAST_ACK;
          } else if (!fromFinSender && ack) {
            state = CLOSE_WAIT;
          }
        }
        case CLOSE_WAIT -> {
          if (!fromFinSender && fin) {
            state = LAST_ACK;
          }
        }
        case LAST_ACK -> {
          if (fromFinSender && ack) {
            state = TIME_WAIT;
          }
        }
        default -> {}
      }
    }
    states[connection] = state;
    expiresNs[connection] = nowNs + tcpTimeout(state);
    return true;
  }

  private void advanceUdp(int connection, boolean reply, long nowNs) {
    if (reply) {
      flags[connection] |= SEEN_REPLY;
    }
    // nf_conntrack_proto_udp.c: traffic both ways, still active after 2 s, is a stream.
    boolean stream = (flags[connection] & SEEN_REPLY) != 0 && nowNs > streamAtNs[connection];
    expiresNs[connection] = nowNs + (stream ? timeouts.udpStreamNs() : timeouts.udpNs());
  }

  private long tcpTimeout(byte state) {
    return switch (state) {
      case SYN_SENT -> timeouts.tcpSynSentNs();
      case SYN_RECV -> timeouts.tcpSynRecvNs();
      case ESTABLISHED -> timeouts.tcpEstablishedNs();
      case FIN_WAIT -> timeouts.tcpFinWaitNs();
      case CLOSE_WAIT -> timeouts.tcpCloseWaitNs();
      case LAST_ACK -> timeouts.tcpLastAckNs();
      case TIME_WAIT -> timeouts.tcpTimeWaitNs();
      default -> timeouts.tcpCloseNs();
    };
  }

  private static long high(int srcIp, int dstIp) {
    return ((long) srcIp << 32) | (dstIp & 0xFFFF_FFFFL);
  }

  private static long low(int zone, int protocol, int srcPort, int dstPort) {
    return ((long) zone << 40)
        | ((long) (protocol & 0xFF) << 32)
        | ((long) (srcPort & 0xFFFF) << 16)
        | (dstPort & 0xFFFF);
  }

  private int home(long high, long low) {
    // Fibonacci hashing of both words; the top bits index the table (a power of two).
    long h = SplitMix64.spread(high ^ SplitMix64.spread(low));
    return (int) (h >>> (Long.numberOfLeadingZeros(slots) + 1));
  }

  private int find(long high, long low) {
    int mask = slots - 1;
    for (int slot = home(high, low); ref(slot) != EMPTY; slot = (slot + 1) & mask) {
      int at = slot * SLOT_WORDS;
      if (table[at] == high && table[at + 1] == low) {
        return slot;
      }
    }
    return -1;
  }

  private void insert(long high, long low, int ref) {
    int mask = slots - 1;
    int slot = home(high, low);
    while (ref(slot) != EMPTY) {
      slot = (slot + 1) & mask;
    }
    int at = slot * SLOT_WORDS;
    table[at] = high;
    table[at + 1] = low;
    table[at + 2] = ref;
    used++;
  }

  private void remove(int connection) {
    long high = origHigh[connection];
    long low = origLow[connection];
    deleteTuple(high, low);
    long replyHigh = (high << 32) | (high >>> 32);
    long replyLow = (low & ~0xFFFF_FFFFL) | ((low & 0xFFFF) << 16) | ((low >>> 16) & 0xFFFF);
    deleteTuple(replyHigh, replyLow);
    expiresNs[connection] = Long.MIN_VALUE;
    nextFree[connection] = firstFree;
    firstFree = connection;
    live--;
  }

  /** Linear-probing deletion by backward shift (Knuth 6.4, Algorithm R): no tombstones. */
  private void deleteTuple(long high, long low) {
    int hole = find(high, low);
    if (hole < 0) {
      return;
    }
    int mask = slots - 1;
    int next = hole;
    while (true) {
      next = (next + 1) & mask;
      if (ref(next) == EMPTY) {
        break;
      }
      int at = next * SLOT_WORDS;
      int want = home(table[at], table[at + 1]);
      boolean staysPut = hole <= next ? hole < want && want <= next : hole < want || want <= next;
      if (!staysPut) {
        System.arraycopy(table, at, table, hole * SLOT_WORDS, SLOT_WORDS);
        hole = next;
      }
    }
    table[hole * SLOT_WORDS + 2] = EMPTY;
    used--;
  }

  private int allocateConnection() {
    live++;
    if (firstFree != EMPTY) {
      int connection = firstFree;
      firstFree = nextFree[connection];
      return connection;
    }
    if (allocated == origHigh.length) {
      int size = allocated * 2;
      origHigh = Arrays.copyOf(origHigh, size);
      origLow = Arrays.copyOf(origLow, size);
      states = Arrays.copyOf(states, size);
      flags = Arrays.copyOf(flags, size);
      expiresNs = Arrays.copyOf(expiresNs, size);
      streamAtNs = Arrays.copyOf(streamAtNs, size);
      nextFree = Arrays.copyOf(nextFree, size);
    }
    return allocated++;
  }

  /** Keeps the table at most half full: collect expired connections first, then grow. */
  private void collectIfFull(long nowNs) {
    if ((used + 2) * 2 <= slots) {
      return;
    }
    expire(nowNs);
    if ((used + 2) * 2 <= slots) {
      return;
    }
    long[] old = table;
    allocateTable(slots * 2);
    for (int at = 0; at < old.length; at += SLOT_WORDS) {
      if (old[at + 2] != EMPTY) {
        insert(old[at], old[at + 1], (int) old[at + 2]);
      }
    }
  }
}
