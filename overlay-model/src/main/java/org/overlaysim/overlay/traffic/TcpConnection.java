package org.overlaysim.overlay.traffic;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.NetworkObserver;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.TransportHandler;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.TcpHeader;

/**
 * One end of a TCP connection as Linux runs it with its defaults, the payload virtual (a count of
 * bytes). Header model: the SYN carries MSS (path MTU - 40), SACK-permitted, timestamps and window
 * scale (40-byte header, as Linux's); every later segment carries timestamps (32-byte header), so a
 * full segment holds MSS - 12 bytes. Sending: initial window 10 segments (RFC 6928), slow start and
 * congestion avoidance with byte counting (RFC 5681), fast retransmit on the third duplicate ACK
 * and NewReno recovery with partial ACKs (RFC 6582), retransmission timeout per RFC 6298 (RTT from
 * the timestamps, RFC 7323; at least 200 ms, initially 1 s, doubled on each expiry, then go-back-N
 * from the first unacknowledged byte). Receiving: delayed ACKs (every second full segment or 40 ms;
 * at once for out-of-order data, a filled hole or FIN), an out-of-order queue, and the advertised
 * window: fixed, or autotuned from 64 KiB doubling each time a window's worth arrived, up to 6 MiB
 * (Linux's receive-buffer autotuning, simplified). The application reads at once, so the window
 * never shrinks. SACK is negotiated but recovery uses NewReno only; no Nagle (as TCP_NODELAY), no
 * zero-window probing (never needed), TIME_WAIT is not modelled.
 *
 * <p>Sequence numbers count from each side's SYN (0); data byte k has sequence number k + 1.
 *
 * <p>Measurements: every segment sent is {@code packetSent} and every segment that reaches its
 * connection (handshake, data, pure ACK, FIN, RST; duplicates too) is {@code packetDelivered}, so
 * sent = delivered + dropped + in flight, as for ping and UDP; each data segment arriving in order
 * gives a one-way delay sample, and the new in-order bytes are {@code payloadDelivered} (counted
 * once); a segment sent again is {@code retransmitted}.
 */
public final class TcpConnection implements TransportHandler {
  /** Linux's SYN options: MSS 4, SACK-permitted 2, timestamps 10, NOP 1, window scale 3. */
  public static final int SYN_HEADER_LENGTH = TcpHeader.MINIMUM_LENGTH + 20;

  /** Every later segment: timestamps (10) padded with two NOPs. */
  public static final int HEADER_LENGTH = TcpHeader.MINIMUM_LENGTH + 12;

  /** The timestamps option with its two NOPs, on every segment after the SYN. */
  public static final int TIMESTAMP_OPTION_BYTES = HEADER_LENGTH - TcpHeader.MINIMUM_LENGTH;

  /** IPv4 and TCP headers without options: path MTU - 40 = the MSS option's value. */
  public static final int IP_TCP_HEADERS = Ipv4Header.MINIMUM_LENGTH + TcpHeader.MINIMUM_LENGTH;

  /** The connection's state (RFC 793 section 3.2), TIME_WAIT folded into CLOSED. */
  public enum State {
    CLOSED,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSING,
    CLOSE_WAIT,
    LAST_ACK
  }

  private static final int OOO_INITIAL = 8;

  private final Simulator simulator;
  private final NetworkObserver observer;
  private final int flow;
  private final SegmentOutput out;
  private final int localIp;
  private final int localPort;
  private final int remoteIp;
  private final int remotePort;
  private final TcpSettings settings;
  private TcpApplication application = TcpApplication.NONE;
  private State state = State.CLOSED;

  // --- sending
  private int mss; // payload bytes of a full segment (MSS option - timestamps)
  private long sndUna;
  private long sndNxt;
  private long sndMax;
  private long sndLimit = 1; // sequence number after the last byte written
  private boolean finRequested;
  private long cwnd;
  private long ssthresh = Long.MAX_VALUE;
  private long bytesAckedInAvoidance;
  private int dupAcks;
  private boolean inRecovery;
  private long recover;
  private long peerWindow = 65_535;

  // --- RTT and RTO (RFC 6298)
  private long srttNs = -1;
  private long rttvarNs;
  private long rtoNs;
  private long rtoDeadlineNs = -1;
  private long rtoEventAtNs = -1; // when the live timer event fires; earlier ones are stale
  private int synTries;
  private final EventHandler rtoTimer = this::rtoTimerFired;

  // --- receiving
  private long rcvNxt;
  private long peerFinSeq = -1;
  private long[] oooStart; // allocated on the first out-of-order segment
  private long[] oooEnd;
  private int oooCount;
  private long rcvWindow;
  private long tuneMark;
  private long tsRecent = -1;
  private long unackedBytes; // received since our last ACK
  private int rcvMss; // largest segment received, as Linux's rcv_mss estimate
  private long delAckDeadlineNs = -1;
  private boolean delAckScheduled;
  private final EventHandler delAckTimer = this::delAckTimerFired;
  private boolean segmentDelaySamples = true;
  // A probe's drop listener, carried from its SYN onto our SYN-ACK (simulation metadata).
  private org.overlaysim.overlay.dataplane.FrameDropListener synAckDropListener;

  // --- counters (tests, reports)
  private long segmentsSent;
  private long retransmissions;
  private long fastRetransmits;
  private long timeouts;
  private long bytesReceived;
  private long openedNs = -1;
  private long establishedNs = -1;

  public TcpConnection(
      Simulator simulator,
      NetworkObserver observer,
      int flow,
      SegmentOutput out,
      int localIp,
      int localPort,
      int remoteIp,
      int remotePort,
      TcpSettings settings) {
    this.simulator = simulator;
    this.observer = observer;
    this.flow = flow;
    this.out = out;
    this.localIp = localIp;
    this.localPort = localPort;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.settings = settings;
    this.rtoNs = settings.initialRtoNs();
    this.rcvWindow =
        settings.receiveWindowBytes() > 0
            ? settings.receiveWindowBytes()
            : TcpSettings.INITIAL_AUTOTUNED_WINDOW;
    this.mss = out.pathMtu(remoteIp) - IP_TCP_HEADERS - TIMESTAMP_OPTION_BYTES;
  }

  public void application(TcpApplication application) {
    this.application = application;
  }

  /**
   * Whether each data segment arriving in order gives a one-way delay sample (the tcp kind's
   * latency); request-response turns it off, its sample being the exchange.
   */
  public void segmentDelaySamples(boolean on) {
    this.segmentDelaySamples = on;
  }

  // ------------------------------------------------------------------ opening and closing

  /** Active open: sends the SYN (client). */
  public void connect() {
    if (state != State.CLOSED || openedNs >= 0) {
      throw new IllegalStateException("connect on a used connection");
    }
    state = State.SYN_SENT;
    openedNs = simulator.nowNs();
    sendSyn(false);
  }

  /** Passive open: answers a SYN (server side, made by a listener). */
  public void accept(Frame syn) {
    observer.packetDelivered(flow, syn.ipLength);
    state = State.SYN_RECEIVED;
    openedNs = simulator.nowNs();
    rcvNxt = syn.tcpSeq + 1;
    peerWindow = syn.tcpWindow;
    tsRecent = syn.tsVal;
    mss = Math.min(mss, peerSegmentPayload(syn));
    synAckDropListener = syn.dropListener;
    sendSyn(true);
  }

  /** The application writes {@code bytes} more (virtual payload). */
  public void write(long bytes) {
    if (finRequested) {
      throw new IllegalStateException("write after close");
    }
    sndLimit += bytes;
    if (state == State.ESTABLISHED || state == State.CLOSE_WAIT) {
      trySend();
    }
  }

  /** The application closes: a FIN follows the data written. */
  public void close() {
    if (finRequested) {
      return;
    }
    finRequested = true;
    if (state == State.ESTABLISHED || state == State.CLOSE_WAIT) {
      trySend();
    }
  }

  /** What the peer's MSS option leaves for payload once timestamps are on every segment. */
  private int peerSegmentPayload(Frame syn) {
    return syn.tcpMss > 0 ? syn.tcpMss - TIMESTAMP_OPTION_BYTES : mss;
  }

  /** The application stops writing (a flow's stop time): what was sent stands, then FIN. */
  public void stopWriting() {
    if (finRequested) {
      return;
    }
    sndLimit = Math.max(1, Math.min(sndLimit, sndMax));
    close();
  }

  private void sendSyn(boolean ack) {
    synTries++;
    Frame f = segment(0, SYN_HEADER_LENGTH, 0, ack ? TcpHeader.SYN | TcpHeader.ACK : TcpHeader.SYN);
    f.tcpWindow = Math.min(rcvWindow, 65_535); // RFC 7323: a SYN's window is never scaled
    f.tcpMss = mss + TIMESTAMP_OPTION_BYTES;
    if (ack) {
      f.dropListener = synAckDropListener;
    }
    emit(f, synTries > 1);
    sndNxt = 1;
    sndMax = Math.max(sndMax, 1);
    armRto();
  }

  // ------------------------------------------------------------------ receiving

  @Override
  public void receive(Frame f) {
    observer.packetDelivered(flow, f.ipLength);
    int flags = f.tcpFlags;
    if ((flags & TcpHeader.RST) != 0) {
      enterClosed();
      return;
    }
    switch (state) {
      case CLOSED -> {
        return;
      }
      case SYN_SENT -> {
        if ((flags & TcpHeader.SYN) == 0 || (flags & TcpHeader.ACK) == 0 || f.tcpAck != 1) {
          return;
        }
        rcvNxt = f.tcpSeq + 1;
        tsRecent = f.tsVal;
        mss = Math.min(mss, peerSegmentPayload(f));
        establish(f);
        sendAck(); // the kernel acknowledges before connect() returns to the application
        application.connected(this);
        return;
      }
      case SYN_RECEIVED -> {
        if ((flags & TcpHeader.SYN) != 0) {
          sendSyn(true); // our SYN-ACK was lost: the client sent its SYN again
          return;
        }
        if ((flags & TcpHeader.ACK) == 0 || f.tcpAck < 1) {
          return;
        }
        establish(f);
        application.connected(this);
      }
      default -> {
        if ((flags & TcpHeader.SYN) != 0) {
          sendAck(); // a retransmitted SYN-ACK: our ACK was lost
          return;
        }
      }
    }
    if ((flags & TcpHeader.ACK) != 0) {
      processAck(f);
    }
    processData(f);
    if (state != State.CLOSED) {
      trySend();
    }
  }

  private void establish(Frame f) {
    state = State.ESTABLISHED;
    establishedNs = simulator.nowNs();
    sndUna = 1;
    if (sndNxt < 1) {
      sndNxt = 1;
    }
    peerWindow = f.tcpWindow;
    rttSample(f);
    rtoNs = computeRto();
    // RFC 6298 section 5.7: a SYN retransmitted means the connection starts with 1 segment.
    cwnd = (long) (synTries > 1 ? 1 : settings.initialWindowSegments()) * mss;
    disarmRto();
  }

  private void processAck(Frame f) {
    long ack = f.tcpAck;
    if (ack > sndMax) {
      return;
    }
    boolean windowUpdate = f.tcpWindow != peerWindow;
    peerWindow = f.tcpWindow;
    if (ack > sndUna) {
      long acked = ack - sndUna;
      sndUna = ack;
      if (sndNxt < sndUna) {
        sndNxt = sndUna;
      }
      rttSample(f);
      rtoNs = computeRto();
      if (inRecovery) {
        if (ack >= recover) {
          // RFC 6582 section 3.2 step 3, full acknowledgment: deflate the window.
          inRecovery = false;
          cwnd = Math.min(ssthresh, Math.max(flight(), mss) + mss);
          dupAcks = 0;
        } else {
          // Partial acknowledgment: the next hole is lost too; retransmit it at once.
          retransmitFirstUnacknowledged();
          cwnd = Math.max(mss, cwnd - acked + (acked >= mss ? mss : 0));
          restartRto();
        }
      } else {
        dupAcks = 0;
        growWindow(acked);
      }
      if (flight() > 0) {
        restartRto();
      } else {
        disarmRto();
      }
      finAcknowledged(ack);
    } else if (ack == sndUna
        && f.tcpPayload() == 0
        && (f.tcpFlags & TcpHeader.FIN) == 0
        && !windowUpdate
        && flight() > 0) {
      dupAcks++;
      if (dupAcks == 3 && !inRecovery && ack > recover) {
        // RFC 6582 section 3.2 steps 1-2: fast retransmit, then recovery.
        ssthresh = Math.max(flight() / 2, 2L * mss);
        recover = sndMax;
        inRecovery = true;
        fastRetransmits++;
        retransmitFirstUnacknowledged();
        cwnd = ssthresh + 3L * mss;
      } else if (inRecovery) {
        cwnd += mss; // step 4: each further duplicate means a segment left the network
      }
    }
  }

  /** RFC 5681 section 3.1: slow start by bytes acknowledged, then one MSS per window. */
  private void growWindow(long acked) {
    if (cwnd < ssthresh) {
      cwnd += Math.min(acked, mss);
      return;
    }
    bytesAckedInAvoidance += acked;
    if (bytesAckedInAvoidance >= cwnd) {
      bytesAckedInAvoidance -= cwnd;
      cwnd += mss;
    }
  }

  private void finAcknowledged(long ack) {
    if (!finRequested || ack < sndLimit + 1) {
      return;
    }
    switch (state) {
      case FIN_WAIT_1 -> state = State.FIN_WAIT_2;
      case CLOSING -> enterClosed();
      case LAST_ACK -> enterClosed();
      default -> {}
    }
  }

  private void processData(Frame f) {
    int length = f.tcpPayload();
    boolean fin = (f.tcpFlags & TcpHeader.FIN) != 0;
    if (length == 0 && !fin) {
      return;
    }
    long seq = f.tcpSeq;
    long end = seq + length;
    if (end < rcvNxt || (end == rcvNxt && !fin)) {
      sendAck(); // an old duplicate (or our FIN's ACK was lost): tell the sender where we are
      return;
    }
    if (fin) {
      peerFinSeq = end;
    }
    if (seq > rcvNxt) {
      addOutOfOrder(seq, end);
      sendAck(); // a duplicate ACK at once (RFC 5681 section 4.2)
      return;
    }
    long before = rcvNxt;
    boolean hadHoles = oooCount > 0;
    if (end > rcvNxt) {
      rcvNxt = end;
      if (segmentDelaySamples) {
        observer.latencySample(flow, simulator.nowNs() - f.appSentNs);
      }
    }
    // RFC 7323 section 4.3: TS.Recent from the segment at the left edge.
    tsRecent = f.tsVal;
    pullOutOfOrder();
    long delivered = rcvNxt - before;
    if (delivered > 0) {
      bytesReceived += delivered;
      observer.payloadDelivered(flow, delivered);
      autotune();
      application.received(this, bytesReceived);
    }
    if (peerFinSeq >= 0 && rcvNxt == peerFinSeq) {
      rcvNxt++;
      peerFinSeq = -1;
      sendAck();
      peerFinished();
      return;
    }
    if (hadHoles) {
      sendAck();
      return;
    }
    // Linux's __tcp_ack_snd_check: ACK at once when more than one full segment (as estimated
    // from what arrives, so a sender with a lowered path MTU is still acknowledged every two
    // segments) is unacknowledged; otherwise the delayed-ACK timer.
    rcvMss = Math.max(rcvMss, length);
    unackedBytes += length;
    if (unackedBytes > rcvMss) {
      sendAck();
    } else {
      armDelayedAck();
    }
  }

  private void peerFinished() {
    switch (state) {
      case ESTABLISHED -> state = State.CLOSE_WAIT;
      case FIN_WAIT_1 -> state = State.CLOSING;
      case FIN_WAIT_2 -> {
        enterClosed();
        return;
      }
      default -> {}
    }
    application.peerClosed(this);
  }

  private void autotune() {
    if (settings.receiveWindowBytes() > 0) {
      return;
    }
    long max = settings.maxReceiveWindowBytes();
    if (rcvWindow < max && rcvNxt - tuneMark >= rcvWindow) {
      rcvWindow = Math.min(max, rcvWindow * 2);
      tuneMark = rcvNxt;
    }
  }

  private void addOutOfOrder(long start, long end) {
    if (oooStart == null) {
      oooStart = new long[OOO_INITIAL];
      oooEnd = new long[OOO_INITIAL];
    } else if (oooCount == oooStart.length) {
      oooStart = java.util.Arrays.copyOf(oooStart, oooCount * 2);
      oooEnd = java.util.Arrays.copyOf(oooEnd, oooCount * 2);
    }
    int i = oooCount;
    while (i > 0 && oooStart[i - 1] > start) {
      oooStart[i] = oooStart[i - 1];
      oooEnd[i] = oooEnd[i - 1];
      i--;
    }
    oooStart[i] = start;
    oooEnd[i] = end;
    oooCount++;
  }

  /** Moves rcvNxt over queued out-of-order data it now reaches. */
  private void pullOutOfOrder() {
    int consumed = 0;
    while (consumed < oooCount && oooStart[consumed] <= rcvNxt) {
      rcvNxt = Math.max(rcvNxt, oooEnd[consumed]);
      consumed++;
    }
    if (consumed > 0) {
      System.arraycopy(oooStart, consumed, oooStart, 0, oooCount - consumed);
      System.arraycopy(oooEnd, consumed, oooEnd, 0, oooCount - consumed);
      oooCount -= consumed;
    }
  }

  // ------------------------------------------------------------------ sending

  private long flight() {
    return sndMax - sndUna;
  }

  private void trySend() {
    if (state != State.ESTABLISHED && state != State.CLOSE_WAIT && !finInFlightStates()) {
      return;
    }
    while (true) {
      long limit = sndUna + Math.min(cwnd, peerWindow);
      if (sndNxt < sndLimit) {
        int length = (int) Math.min(mss, sndLimit - sndNxt);
        if (sndNxt + length > limit) {
          return;
        }
        boolean again = sndNxt < sndMax;
        emit(segment(sndNxt, HEADER_LENGTH, length, TcpHeader.ACK), again);
        sndNxt += length;
      } else if (finRequested && sndNxt == sndLimit) {
        emit(segment(sndNxt, HEADER_LENGTH, 0, TcpHeader.FIN | TcpHeader.ACK), sndNxt < sndMax);
        sndNxt++;
        if (state == State.ESTABLISHED) {
          state = State.FIN_WAIT_1;
        } else if (state == State.CLOSE_WAIT) {
          state = State.LAST_ACK;
        }
      } else {
        return;
      }
      sndMax = Math.max(sndMax, sndNxt);
      armRto();
    }
  }

  private boolean finInFlightStates() {
    return state == State.FIN_WAIT_1 || state == State.LAST_ACK || state == State.CLOSING;
  }

  /** Sends the first unacknowledged segment again; returns the sequence space it covers. */
  private int retransmitFirstUnacknowledged() {
    if (sndUna < sndLimit) {
      int length = (int) Math.min(mss, sndLimit - sndUna);
      emit(segment(sndUna, HEADER_LENGTH, length, TcpHeader.ACK), true);
      return length;
    } else if (finRequested) {
      emit(segment(sndUna, HEADER_LENGTH, 0, TcpHeader.FIN | TcpHeader.ACK), true);
      return 1;
    }
    return 0;
  }

  private void sendAck() {
    emit(segment(sndNxt, HEADER_LENGTH, 0, TcpHeader.ACK), false);
  }

  private Frame segment(long seq, int headerLength, int payload, int flags) {
    Frame f = new Frame();
    f.flow = flow;
    f.dstIp = remoteIp;
    f.df = true; // Linux TCP always sets DF (PMTUD, RFC 1191)
    f.tcp(localPort, remotePort, headerLength, payload);
    f.tcpSeq = seq;
    f.tcpAck = (flags & TcpHeader.ACK) != 0 ? rcvNxt : 0;
    f.tcpFlags = flags;
    f.tcpWindow = rcvWindow;
    f.tsVal = simulator.nowNs();
    f.tsEcr = tsRecent;
    return f;
  }

  private void emit(Frame f, boolean retransmission) {
    long now = simulator.nowNs();
    f.appSentNs = now;
    if ((f.tcpFlags & TcpHeader.ACK) != 0) {
      // Every segment carries the latest acknowledgment: no ACK is owed any more.
      unackedBytes = 0;
      delAckDeadlineNs = -1;
    }
    segmentsSent++;
    observer.packetSent(flow, f.ipLength);
    if (retransmission) {
      retransmissions++;
      observer.retransmitted(flow);
    }
    out.send(f);
  }

  /**
   * The path MTU fell (ICMP fragmentation-needed about one of our segments): as Linux's
   * tcp_v4_mtu_reduced and tcp_simple_retransmit, shrink the segments and send what is
   * unacknowledged again at once, without touching the congestion window (nothing was congested).
   */
  @Override
  public void fragmentationNeeded(Frame quoted) {
    int payload = out.pathMtu(remoteIp) - IP_TCP_HEADERS - TIMESTAMP_OPTION_BYTES;
    if (payload >= mss || state == State.CLOSED || payload <= 0) {
      return;
    }
    mss = payload;
    if (state == State.SYN_SENT || state == State.SYN_RECEIVED) {
      return;
    }
    // The ICMP arrives inside our own send (the VTEP answers at once): resend after it returns.
    simulator.schedule(0, resendAfterMtuDrop);
  }

  private final EventHandler resendAfterMtuDrop =
      () -> {
        if (state == State.CLOSED || sndUna >= sndMax) {
          return;
        }
        cwnd = Math.max(cwnd, mss);
        sndNxt = sndUna;
        trySend();
      };

  // ------------------------------------------------------------------ timers

  private void rttSample(Frame f) {
    if (f.tsEcr < 0) {
      return;
    }
    long r = simulator.nowNs() - f.tsEcr;
    if (srttNs < 0) {
      srttNs = r;
      rttvarNs = r / 2;
    } else {
      rttvarNs = (3 * rttvarNs + Math.abs(srttNs - r)) / 4;
      srttNs = (7 * srttNs + r) / 8;
    }
  }

  /** RFC 6298 section 2: SRTT + max(G, 4 RTTVAR), G 1 ms, within Linux's [200 ms, 120 s]. */
  private long computeRto() {
    if (srttNs < 0) {
      return settings.initialRtoNs();
    }
    long rto = srttNs + Math.max(1_000_000L, 4 * rttvarNs);
    return Math.min(settings.maxRtoNs(), Math.max(settings.minRtoNs(), rto));
  }

  private void armRto() {
    if (rtoDeadlineNs < 0) {
      restartRto();
    }
  }

  /**
   * Sets the timer to now + RTO. The scheduled event is moved only when it would fire too late; a
   * later deadline is met by rescheduling when the event fires (no cancel per ACK).
   */
  private void restartRto() {
    rtoDeadlineNs = simulator.nowNs() + rtoNs;
    if (rtoEventAtNs < 0 || rtoEventAtNs > rtoDeadlineNs) {
      rtoEventAtNs = rtoDeadlineNs;
      simulator.scheduleAt(rtoDeadlineNs, rtoTimer);
    }
  }

  private void disarmRto() {
    rtoDeadlineNs = -1;
  }

  private void rtoTimerFired() {
    long now = simulator.nowNs();
    if (now != rtoEventAtNs) {
      return; // superseded by an earlier deadline
    }
    rtoEventAtNs = -1;
    if (rtoDeadlineNs < 0 || state == State.CLOSED) {
      return;
    }
    if (now < rtoDeadlineNs) {
      rtoEventAtNs = rtoDeadlineNs;
      simulator.scheduleAt(rtoDeadlineNs, rtoTimer);
      return;
    }
    rtoDeadlineNs = -1;
    timeouts++;
    rtoNs = Math.min(settings.maxRtoNs(), rtoNs * 2); // RFC 6298 section 5.5: back off
    if (state == State.SYN_SENT || state == State.SYN_RECEIVED) {
      if (synTries > settings.synRetries()) {
        enterClosed();
        return;
      }
      sendSyn(state == State.SYN_RECEIVED);
      return;
    }
    // RFC 5681 section 3.1 (equation 4) and RFC 6582 section 4: after a timeout, one segment,
    // go-back-N from the first unacknowledged byte, and no fast retransmit before sndMax is acked.
    ssthresh = Math.max(flight() / 2, 2L * mss);
    cwnd = mss;
    bytesAckedInAvoidance = 0;
    inRecovery = false;
    dupAcks = 0;
    recover = sndMax;
    // A lowered path MTU (ICMP fragmentation-needed) shrinks the segments from here on.
    mss = Math.min(mss, out.pathMtu(remoteIp) - IP_TCP_HEADERS - TIMESTAMP_OPTION_BYTES);
    restartRto();
    sndNxt = sndUna + retransmitFirstUnacknowledged();
  }

  private void armDelayedAck() {
    if (delAckDeadlineNs >= 0) {
      return;
    }
    delAckDeadlineNs = simulator.nowNs() + settings.delayedAckNs();
    if (!delAckScheduled) {
      delAckScheduled = true;
      simulator.scheduleAt(delAckDeadlineNs, delAckTimer);
    }
  }

  private void delAckTimerFired() {
    delAckScheduled = false;
    if (delAckDeadlineNs < 0 || state == State.CLOSED) {
      return;
    }
    long now = simulator.nowNs();
    if (now < delAckDeadlineNs) {
      delAckScheduled = true;
      simulator.scheduleAt(delAckDeadlineNs, delAckTimer);
      return;
    }
    sendAck();
  }

  private void enterClosed() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    rtoDeadlineNs = -1;
    delAckDeadlineNs = -1;
    application.closed(this);
  }

  // ------------------------------------------------------------------ read-outs

  @Override
  public String toString() {
    return "tcp["
        + state
        + " una="
        + sndUna
        + " nxt="
        + sndNxt
        + " max="
        + sndMax
        + " limit="
        + sndLimit
        + " cwnd="
        + cwnd
        + " ssthresh="
        + ssthresh
        + " peerWnd="
        + peerWindow
        + " rcvNxt="
        + rcvNxt
        + " ooo="
        + oooCount
        + " recovery="
        + inRecovery
        + " rtoDeadline="
        + rtoDeadlineNs
        + " rtoEvent="
        + rtoEventAtNs
        + "]";
  }

  public State state() {
    return state;
  }

  public int flow() {
    return flow;
  }

  public int localPort() {
    return localPort;
  }

  public int remoteIp() {
    return remoteIp;
  }

  public int remotePort() {
    return remotePort;
  }

  public int localIp() {
    return localIp;
  }

  /** Payload bytes of a full segment (MSS - 12 bytes of timestamps). */
  public int segmentPayload() {
    return mss;
  }

  public long congestionWindow() {
    return cwnd;
  }

  public long slowStartThreshold() {
    return ssthresh;
  }

  public long receiveWindow() {
    return rcvWindow;
  }

  public long rtoNs() {
    return rtoNs;
  }

  public long smoothedRttNs() {
    return srttNs;
  }

  public long segmentsSent() {
    return segmentsSent;
  }

  public long retransmissions() {
    return retransmissions;
  }

  public long fastRetransmits() {
    return fastRetransmits;
  }

  public long timeouts() {
    return timeouts;
  }

  /** In-order payload bytes received. */
  public long bytesReceived() {
    return bytesReceived;
  }

  /** Payload bytes the peer acknowledged. */
  public long bytesAcknowledged() {
    return Math.max(0, Math.min(sndUna, sndLimit) - 1);
  }

  /** Payload bytes written by the application so far. */
  public long bytesWritten() {
    return sndLimit - 1;
  }

  public long openedNs() {
    return openedNs;
  }

  public long establishedNs() {
    return establishedNs;
  }
}
