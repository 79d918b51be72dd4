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
 * <p>Tuples are packed into two longs and hashed, both directions of a connection (as Linux hashes
 * both tuples), into an open-addressing table with linear probing; no boxing on the packet path.
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

  // The hash table: per slot one long, the tuple hash's top 32 bits (which also give the home
  // slot) and connection * 2 + direction (1 = reply); EMPTY_SLOT when free. The tuple itself is
  // the connection's, checked on a hash match. Eight slots share a cache line and the connection's
  // words share another: on a large cluster's hosts the tables outgrow the caches, and a lookup
  // per packet and direction made this the first item of a run's profile.
  private static final long EMPTY_SLOT = -1L;
  private long[] table;
  private int slots;
  private int used;

  // The connections, CONNECTION_WORDS longs each side by side (original tuple, expiry, when UDP
  // becomes a stream, TCP state and flags), so that a lookup reads one place; free connections
  // are chained through nextFree.
  private static final int CONNECTION_WORDS = 5;
  private static final int ORIG_HIGH = 0;
  private static final int ORIG_LOW = 1;
  private static final int EXPIRES = 2;
  private static final int STREAM_AT = 3;
  private static final int STATE_AND_FLAGS = 4; // state in the low byte, flags above
  private long[] connections = new long[16 * CONNECTION_WORDS];
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
    table = new long[capacity];
    slots = capacity;
    Arrays.fill(table, EMPTY_SLOT);
    used = 0;
  }

  private int ref(int slot) {
    return (int) table[slot];
  }

  private long expiresNs(int connection) {
    return connections[connection * CONNECTION_WORDS + EXPIRES];
  }

  private void setExpiresNs(int connection, long ns) {
    connections[connection * CONNECTION_WORDS + EXPIRES] = ns;
  }

  private byte state(int connection) {
    return (byte) connections[connection * CONNECTION_WORDS + STATE_AND_FLAGS];
  }

  private int flags(int connection) {
    return (int) (connections[connection * CONNECTION_WORDS + STATE_AND_FLAGS] >>> 8);
  }

  private void setStateAndFlags(int connection, byte state, int flags) {
    connections[connection * CONNECTION_WORDS + STATE_AND_FLAGS] =
        ((long) flags << 8) | (state & 0xFF);
  }

  private void setFlags(int connection, int flags) {
    setStateAndFlags(connection, state(connection), flags);
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
    if (expiresNs(connection) <= nowNs) {
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
      case Transport.ICMP -> setExpiresNs(connection, nowNs + timeouts.icmpNs());
      case Transport.SCTP -> {
        if (reply) {
          setFlags(connection, flags(connection) | SEEN_REPLY);
        }
        boolean answered = (flags(connection) & SEEN_REPLY) != 0;
        setExpiresNs(
            connection, nowNs + (answered ? timeouts.sctpEstablishedNs() : timeouts.sctpNewNs()));
      }
      default -> setExpiresNs(connection, nowNs + timeouts.otherNs());
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
    int at = connection * CONNECTION_WORDS;
    connections[at + ORIG_HIGH] = high;
    connections[at + ORIG_LOW] = low;
    connections[at + STREAM_AT] = nowNs + UDP_STREAM_AFTER_NS;
    byte state = NO_TCP_STATE;
    switch (protocol) {
      case Transport.TCP -> {
        boolean opening = (tcpFlags & SYN) != 0 && (tcpFlags & ACK) == 0;
        state = opening ? SYN_SENT : ESTABLISHED;
        setExpiresNs(connection, nowNs + tcpTimeout(state));
      }
      case Transport.UDP -> setExpiresNs(connection, nowNs + timeouts.udpNs());
      case Transport.ICMP -> setExpiresNs(connection, nowNs + timeouts.icmpNs());
      case Transport.SCTP -> setExpiresNs(connection, nowNs + timeouts.sctpNewNs());
      default -> setExpiresNs(connection, nowNs + timeouts.otherNs());
    }
    setStateAndFlags(connection, state, 0);
    insert(high, low, connection << 1);
    if (replyHigh != high || replyLow != low) {
      insert(replyHigh, replyLow, (connection << 1) | 1);
    }
  }

  /** Drops every connection whose timer has run out by {@code nowNs}. */
  public void expire(long nowNs) {
    for (int c = 0; c < allocated; c++) {
      if (isLive(c) && expiresNs(c) <= nowNs) {
        remove(c);
      }
    }
  }

  private boolean isLive(int connection) {
    return expiresNs(connection) != Long.MIN_VALUE;
  }

  private boolean alive(long high, long low, long nowNs) {
    int slot = find(high, low);
    if (slot < 0) {
      return false;
    }
    int connection = ref(slot) >>> 1;
    if (expiresNs(connection) <= nowNs) {
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
    byte state = state(connection);
    int flags = flags(connection);
    if (!reply && syn && !ack && (state == TIME_WAIT || state == CLOSE)) {
      return false;
    }
    boolean finFromReply = (flags & FIN_FROM_REPLY) != 0;
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
              flags &= ~FIN_FROM_REPLY;
            }
          }
        }
        case ESTABLISHED -> {
          if (fin) {
            state = FIN_WAIT;
            flags = reply ? flags | FIN_FROM_REPLY : flags & ~FIN_FROM_REPLY;
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
    setStateAndFlags(connection, state, flags);
    setExpiresNs(connection, nowNs + tcpTimeout(state));
    return true;
  }

  private void advanceUdp(int connection, boolean reply, long nowNs) {
    if (reply) {
      setFlags(connection, flags(connection) | SEEN_REPLY);
    }
    // nf_conntrack_proto_udp.c: traffic both ways, still active after 2 s, is a stream.
    boolean stream =
        (flags(connection) & SEEN_REPLY) != 0
            && nowNs > connections[connection * CONNECTION_WORDS + STREAM_AT];
    setExpiresNs(connection, nowNs + (stream ? timeouts.udpStreamNs() : timeouts.udpNs()));
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

  /** The tuple's hash, top 32 bits (Fibonacci hashing of both words): tag and home slot. */
  private static long tag(long high, long low) {
    return SplitMix64.spread(high ^ SplitMix64.spread(low)) >>> 32;
  }

  private int home(long tag) {
    // The tag's top bits index the table (a power of two of at most 2^30 slots).
    return (int) (tag >>> (Long.numberOfLeadingZeros(slots) - 31));
  }

  private int find(long high, long low) {
    int mask = slots - 1;
    long tag = tag(high, low);
    for (int slot = home(tag); table[slot] != EMPTY_SLOT; slot = (slot + 1) & mask) {
      long entry = table[slot];
      if (entry >>> 32 == tag && holds((int) entry, high, low)) {
        return slot;
      }
    }
    return -1;
  }

  /** Whether the tuple of a table reference (connection * 2 + direction) is this one. */
  private boolean holds(int ref, long high, long low) {
    int at = (ref >>> 1) * CONNECTION_WORDS;
    long origHigh = connections[at + ORIG_HIGH];
    long origLow = connections[at + ORIG_LOW];
    if ((ref & 1) == 0) {
      return origHigh == high && origLow == low;
    }
    return replyHigh(origHigh) == high && replyLow(origLow) == low;
  }

  private static long replyHigh(long high) {
    return (high << 32) | (high >>> 32);
  }

  private static long replyLow(long low) {
    return (low & ~0xFFFF_FFFFL) | ((low & 0xFFFF) << 16) | ((low >>> 16) & 0xFFFF);
  }

  private void insert(long high, long low, int ref) {
    insertTagged(tag(high, low), ref);
  }

  private void insertTagged(long tag, int ref) {
    int mask = slots - 1;
    int slot = home(tag);
    while (table[slot] != EMPTY_SLOT) {
      slot = (slot + 1) & mask;
    }
    table[slot] = (tag << 32) | (ref & 0xFFFF_FFFFL);
    used++;
  }

  private void remove(int connection) {
    int at = connection * CONNECTION_WORDS;
    long high = connections[at + ORIG_HIGH];
    long low = connections[at + ORIG_LOW];
    deleteTuple(high, low);
    deleteTuple(replyHigh(high), replyLow(low));
    setExpiresNs(connection, Long.MIN_VALUE);
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
      if (table[next] == EMPTY_SLOT) {
        break;
      }
      int want = home(table[next] >>> 32);
      boolean staysPut = hole <= next ? hole < want && want <= next : hole < want || want <= next;
      if (!staysPut) {
        table[hole] = table[next];
        hole = next;
      }
    }
    table[hole] = EMPTY_SLOT;
    used--;
  }

  private int allocateConnection() {
    live++;
    if (firstFree != EMPTY) {
      int connection = firstFree;
      firstFree = nextFree[connection];
      return connection;
    }
    if (allocated == nextFree.length) {
      int size = allocated * 2;
      connections = Arrays.copyOf(connections, size * CONNECTION_WORDS);
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
    for (long entry : old) {
      if (entry != EMPTY_SLOT) {
        insertTagged(entry >>> 32, (int) entry);
      }
    }
  }
}
