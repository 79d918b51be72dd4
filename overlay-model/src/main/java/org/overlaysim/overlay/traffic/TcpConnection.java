package org.overlaysim.overlay.traffic;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.FrameDropListener;
import org.overlaysim.overlay.dataplane.TransportHandler;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.TcpHeader;

/**
 * One end of a TCP connection following Linux's algorithms, the payload virtual (a count of bytes).
 * What is Linux and what is not is listed in the README ("The model, and where it simplifies").
 *
 * <p>Header model: the SYN carries MSS (path MTU - 40), SACK-permitted, timestamps and window scale
 * (40-byte header, as Linux's); every later segment carries timestamps (32-byte header), so a full
 * segment holds MSS - 12 bytes; a segment carrying SACK blocks has 4 + 8 per block more option
 * bytes (at most 3 blocks fit beside timestamps) and, when it carries data, that much less payload
 * (Linux's tcp_current_mss).
 *
 * <p>Sending, as Linux with its defaults: window in segments, initial window 10 (RFC 6928); a
 * pluggable {@link CongestionControl} (CUBIC by default, or Reno) grows it by the segments each ACK
 * newly acknowledges; a {@link SendScoreboard} of SACKed, lost and retransmitted segments; losses
 * detected by RACK (RFC 8985, reordering window min_rtt/4, none once three segments are SACKed
 * while no reordering was seen) with tail loss probes after 2·SRTT; fast recovery that retransmits
 * what is marked lost, the window set by Proportional Rate Reduction (RFC 6937); the retransmission
 * timeout per RFC 6298 (at least 200 ms, initially 1 s, doubled on each expiry), after which
 * everything un-SACKed is lost, the window 1 and slow start (Linux's tcp_enter_loss). RTT samples
 * from the send times of newly acknowledged segments never retransmitted (Karn), else from the
 * echoed timestamp (RFC 7323).
 *
 * <p>Receiving: delayed ACKs as Linux's (quick ACKs for the first segments of a connection, up to
 * 16 or half the window in segments; then an ACK every second full segment, or after 40 ms), an ACK
 * at once for out-of-order data, a filled hole, a duplicate or FIN, with SACK blocks (RFC 2018, a
 * D-SACK per RFC 2883 for duplicates) while data is out of order, and Linux's SACK compression
 * after three such ACKs (one ACK per 44 segments or min(1 ms, RTT/20)). The advertised window is
 * fixed, or autotuned from 64 KiB by Linux's dynamic right-sizing (tcp_rcv_space_adjust: once per
 * receiver RTT, twice what was read plus 16 segments plus twice its growth) up to 6 MiB. The
 * application reads at once, so the window never shrinks. No Nagle (as TCP_NODELAY), no zero-window
 * probing (never needed); TIME_WAIT is folded into CLOSED, where a retransmitted FIN is
 * acknowledged again.
 *
 * <p>The parts: {@link SendScoreboard} and {@link Rack} (what is out, SACKed, lost), {@link
 * LossRecovery} (recovery state, PRR), {@link CongestionControl} over a {@link CongestionWindow},
 * {@link RttEstimator}, {@link RetransmitTimer}; receiving, {@link SackReceiver} (out-of-order
 * data, SACK blocks) and {@link AckScheduler} (when to acknowledge). This class sends and receives
 * segments and runs the connection's states.
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

  /** SACK blocks that fit beside timestamps in 40 option bytes: (40 - 12 - 4) / 8. */
  public static final int MAX_SACK_BLOCKS = 3;

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

  /** Linux's TCP_TIMEOUT_MIN (2 jiffies at HZ 1000), added to the RACK and probe timers. */
  private static final long TIMEOUT_MIN_NS = 2_000_000;

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
  private long sndMax; // highest sndNxt: above sndNxt only after a path MTU drop
  private long sndLimit = 1; // sequence number after the last byte written
  private boolean finRequested;
  private long peerWindow = 65_535;
  private final SendScoreboard board = new SendScoreboard();
  private final Rack rack = new Rack();
  private final RttEstimator rtt;
  private final CongestionWindow window;
  private final CongestionControl congestion;
  private final LossRecovery recovery;
  private boolean cwndLimited; // Linux's is_cwnd_limited, per window of data
  private int maxPacketsOut;
  private long cwndUsageSeq;
  private int rtoRetransmits; // Linux's icsk_retransmits: timeouts without progress
  private long lastDataSentNs = -1; // Linux's lsndtime
  private final long[] sackCache = new long[2 * MAX_SACK_BLOCKS]; // last ACK's blocks
  private int sackCacheCount;

  // --- the retransmission timer, shared by RTO, RACK's reordering timer and the loss probe
  private final RetransmitTimer timer;
  private int synTries;

  // --- receiving
  private long rcvNxt;
  private long peerFinSeq = -1;

  /** The peer's FIN arrived in order (so a later one is a retransmission to acknowledge). */
  private boolean peerClosed;

  private final SackReceiver sacks = new SackReceiver();
  private long rcvWindow;
  // Linux's receive-buffer autotuning (tcp_rcv_space_adjust): the receiver's RTT from echoed
  // timestamps (tcp_rcv_rtt_measure_ts, smoothed 7/8), and what was read in the last such RTT.
  private long rcvRttNs;
  private long rcvRttLastEcr = -1;
  private long spaceBytes;
  private long spaceSeq;
  private long spaceTimeNs;
  private long tsRecent = -1;
  private final AckScheduler acks;
  private boolean segmentDelaySamples = true;
  // A probe's drop listener, carried from its SYN onto our SYN-ACK (simulation metadata).
  private FrameDropListener synAckDropListener;

  // --- counters (tests, reports)
  private long segmentsSent;
  private long retransmissions;
  private long timeouts;
  private long lossProbes;
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
    this.rtt = new RttEstimator(settings);
    this.timer = new RetransmitTimer(simulator, this::timerExpired);
    this.acks = new AckScheduler(simulator, settings.delayedAckNs(), this::sendAck);
    this.window = new CongestionWindow(settings.initialWindowSegments());
    this.congestion = CongestionControl.of(settings.congestionControl());
    this.recovery = new LossRecovery(window, congestion, board, rack);
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
      restartAfterIdle();
      trySend();
    }
  }

  /** Linux's tcp_slow_start_after_idle_check: a write after an idle RTO restarts the window. */
  private void restartAfterIdle() {
    long idle = simulator.nowNs() - lastDataSentNs;
    if (board.packetsOut == 0
        && lastDataSentNs >= 0
        && idle > rtt.rtoNs()
        && recovery.state() != CaState.RECOVERY) {
      window.restartAfterIdle(idle, rtt.rtoNs(), settings.initialWindowSegments());
    }
  }

  /** Linux's tcp_event_data_sent: data leaves; after a pause, the congestion control hears. */
  private void dataSent() {
    long now = simulator.nowNs();
    if (board.inFlight() == 0 && lastDataSentNs >= 0) {
      refreshWindow();
      congestion.transmissionStart(window, now - lastDataSentNs);
    }
    lastDataSentNs = now;
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
    f.tcpMss = (char) (mss + TIMESTAMP_OPTION_BYTES);
    if (ack) {
      f.dropListener = synAckDropListener;
    }
    emit(f, synTries > 1);
    sndNxt = 1;
    sndMax = Math.max(sndMax, 1);
    if (!timer.armed()) {
      timer.arm(RetransmitTimer.Kind.RTO, simulator.nowNs() + rtt.rtoNs());
    }
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
        // TIME_WAIT, folded into CLOSED: the peer sends its FIN again when our ACK of it was lost,
        // and is acknowledged again (RFC 9293 section 3.10.7.4, Linux's
        // tcp_timewait_state_process), so that its LAST_ACK ends.
        if (peerClosed && (flags & TcpHeader.FIN) != 0) {
          sendAck();
        }
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
    // tcp_init_buffer_space: rcvq_space.space = min(rcv_wnd, TCP_INIT_CWND × advmss).
    spaceBytes = Math.min(rcvWindow, 10L * mss);
    spaceSeq = rcvNxt;
    spaceTimeNs = establishedNs;
    sndUna = 1;
    if (sndNxt < 1) {
      sndNxt = 1;
    }
    recovery.start(1);
    cwndUsageSeq = 1;
    peerWindow = f.tcpWindow;
    if (f.tsEcr >= 0) {
      rtt.sample(simulator.nowNs() - f.tsEcr);
    }
    // RFC 6298 section 5.7: a SYN retransmitted means the connection starts with 1 segment.
    window.cwnd = synTries > 1 ? 1 : settings.initialWindowSegments();
    refreshWindow();
    congestion.init(window);
    timer.disarm();
  }

  /** Linux's tcp_ack, in its order: SACK blocks, cumulative ACK, loss detection, window. */
  private void processAck(Frame f) {
    long ack = f.tcpAck;
    if (ack > sndMax || ack < sndUna) {
      return;
    }
    long now = simulator.nowNs();
    long priorFack = board.highestSacked;
    peerWindow = f.tcpWindow;
    board.beginAck();
    boolean dsack = f.sackBlocks != null && processSacks(f, ack, now);
    boolean advanced = ack > sndUna;
    if (advanced) {
      board.acknowledge(ack, now, rack, rtt.minRttNs());
      sndUna = ack;
      if (sndNxt < sndUna) {
        sndNxt = sndUna;
      }
      rtoRetransmits = 0;
      finAcknowledged(ack);
    }
    int ackedSacked = board.newlyDelivered;
    if (board.reordered < priorFack) {
      rack.reorderingSeen = true;
    }
    long caRttNs = rttSamples(f, advanced, now);
    refreshWindow();
    congestion.rttSample(window, caRttNs);
    long wait =
        recovery.onAck(
            now,
            ack,
            sndUna,
            sndNxt,
            advanced,
            f.sackBlocks != null,
            dsack,
            ackedSacked,
            rtt.minRttNs(),
            rtt.srttNs());
    boolean reorderTimerSet = wait > 0;
    if (reorderTimerSet) {
      timer.arm(RetransmitTimer.Kind.REORDER, now + wait + TIMEOUT_MIN_NS);
    }
    if (board.isEmpty()) {
      timer.disarm();
    } else if (advanced && !reorderTimerSet) {
      if (!scheduleLossProbe(true)) {
        rearmRto();
      }
    }
  }

  /**
   * Marks what the ACK's SACK blocks newly cover, skipping what the previous ACK's blocks already
   * covered (Linux's recv_sack_cache); returns whether the first block is a D-SACK (RFC 2883).
   */
  private boolean processSacks(Frame f, long ack, long now) {
    long[] b = f.sackBlocks;
    int n = f.sackCount();
    // Linux's tcp_check_dsack: the first block starts below the ACK, or lies inside the second.
    boolean dsack = b[0] < ack || (n > 1 && b[0] >= b[2] && b[1] <= b[3]);
    long minRtt = rtt.minRttNs();
    for (int k = dsack ? 1 : 0; k < n; k++) {
      long s = Math.max(b[2 * k], ack);
      long e = b[2 * k + 1];
      if (e <= s || e > sndMax) {
        continue;
      }
      // Skip the head a cached block already covered (most blocks only grow to the right).
      long from = s;
      for (int c = 0; c < sackCacheCount; c++) {
        if (sackCache[2 * c] <= s && sackCache[2 * c + 1] > from && sackCache[2 * c + 1] <= e) {
          from = sackCache[2 * c + 1];
        }
      }
      board.sack(from, e, now, rack, minRtt);
    }
    sackCacheCount = 0;
    for (int k = dsack ? 1 : 0; k < n; k++) {
      sackCache[2 * sackCacheCount] = b[2 * k];
      sackCache[2 * sackCacheCount + 1] = b[2 * k + 1];
      sackCacheCount++;
    }
    if (dsack) {
      recovery.duplicateReported(b[1]);
    }
    return dsack;
  }

  /**
   * Linux's tcp_ack_update_rtt: the RTT of the oldest newly acknowledged segment never sent twice,
   * else of the oldest newly SACKed, else the echoed timestamp when snd_una advanced. Returns the
   * sample the congestion control gets (the newest segment's), -1 when none.
   */
  private long rttSamples(Frame f, boolean advanced, long now) {
    long seqRtt = -1;
    long caRtt = -1;
    if (board.firstAckedXmitNs >= 0) {
      seqRtt = now - board.firstAckedXmitNs;
      caRtt = now - board.lastAckedXmitNs;
    }
    if (board.firstSackedXmitNs >= 0) {
      if (seqRtt < 0) {
        seqRtt = now - board.firstSackedXmitNs;
      }
      caRtt = now - board.lastSackedXmitNs;
    }
    if (seqRtt < 0 && advanced && f.tsEcr >= 0) {
      seqRtt = Math.max(1, now - f.tsEcr);
      caRtt = seqRtt;
    }
    if (seqRtt >= 0) {
      rtt.sample(seqRtt);
    }
    return caRtt;
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
    receiverRttSample(f, length);
    if (end < rcvNxt || (end == rcvNxt && !fin)) {
      // An old duplicate: a D-SACK for it and an ACK at once, in quick-ACK mode (Linux).
      if (length > 0) {
        sacks.duplicate(seq, end);
      }
      acks.duplicate(rcvWindow);
      return;
    }
    if (fin) {
      peerFinSeq = end;
    }
    if (seq > rcvNxt) {
      if (length > 0) {
        sacks.addOutOfOrder(seq, end);
      }
      acks.outOfOrder(rcvNxt, rtt.srttNs());
      return;
    }
    if (seq < rcvNxt) {
      sacks.duplicate(seq, rcvNxt); // partly old: D-SACK for the old part
    }
    long before = rcvNxt;
    boolean hadHoles = sacks.hasOutOfOrder();
    if (end > rcvNxt) {
      rcvNxt = end;
      if (segmentDelaySamples) {
        observer.latencySample(flow, simulator.nowNs() - f.appSentNs);
      }
    }
    // RFC 7323 section 4.3: TS.Recent from the segment at the left edge.
    tsRecent = f.tsVal;
    rcvNxt = sacks.advance(rcvNxt);
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
    acks.inOrder(length, delivered, mss, rtt.rtoNs(), rcvWindow);
    if (hadHoles && !sacks.hasOutOfOrder()) {
      sendAck(); // RFC 5681 section 4.2: a filled hole is acknowledged at once
      return;
    }
    acks.check(sacks.hasOutOfOrder(), rcvNxt, rtt.srttNs());
  }

  private void peerFinished() {
    peerClosed = true;
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

  /**
   * tcp_rcv_rtt_measure_ts: a full data segment echoing a timestamp not seen before gives the
   * receiver an RTT sample (now − TSecr, our ACK's time), smoothed by 7/8 as tcp_rcv_rtt_update.
   */
  private void receiverRttSample(Frame f, int length) {
    if (f.tsEcr < 0 || f.tsEcr == rcvRttLastEcr) {
      return;
    }
    rcvRttLastEcr = f.tsEcr;
    long sample = simulator.nowNs() - f.tsEcr;
    if (length < mss || sample <= 0) {
      return;
    }
    rcvRttNs = rcvRttNs == 0 ? sample : rcvRttNs + (sample - rcvRttNs) / 8;
  }

  /**
   * Linux's dynamic right-sizing, tcp_rcv_space_adjust (the application reads at once, so copied is
   * what arrived in order): once per receiver RTT, if more was read than in the previous one, the
   * window becomes twice that plus 16 segments ("to cope with packet losses"), plus twice its
   * growth ratio ("to cope with slow start ... the ACK we are sending now is for the next RTT"), up
   * to the ceiling; it never shrinks. In slow start that is about six times a round's data, so a
   * loss does not leave the sender limited by the receive window while it recovers.
   */
  private void autotune() {
    if (settings.receiveWindowBytes() > 0) {
      return;
    }
    long now = simulator.nowNs();
    if (rcvRttNs == 0 || now - spaceTimeNs < rcvRttNs) {
      return;
    }
    long copied = rcvNxt - spaceSeq;
    if (copied > spaceBytes) {
      long rcvwin = 2 * copied + 16L * mss;
      long grow = rcvwin * (copied - spaceBytes) / spaceBytes;
      rcvwin += grow << 1;
      rcvWindow = Math.max(rcvWindow, Math.min(rcvwin, settings.maxReceiveWindowBytes()));
      spaceBytes = copied;
    }
    spaceSeq = rcvNxt;
    spaceTimeNs = now;
  }

  // ------------------------------------------------------------------ sending

  /** The read-only part of the window the congestion control sees, brought up to date. */
  private void refreshWindow() {
    window.nowNs = simulator.nowNs();
    window.sndUna = sndUna;
    window.sndNxt = sndNxt;
    window.srttNs = rtt.srttNs();
    window.mss = mss;
    // Linux's tcp_is_cwnd_limited: in slow start, grow to twice what was in flight.
    window.cwndLimited = cwndLimited || (window.inSlowStart() && window.cwnd < 2 * maxPacketsOut);
  }

  /**
   * Linux's tcp_xmit_retransmit_queue then tcp_write_xmit: segments marked lost first, then new
   * data, while fewer segments than the window are in flight and the peer's window allows.
   */
  private void trySend() {
    if (state != State.ESTABLISHED && state != State.CLOSE_WAIT && !finInFlightStates()) {
      return;
    }
    long now = simulator.nowNs();
    int k;
    while (board.inFlight() < window.cwnd && (k = board.nextToRetransmit()) >= 0) {
      board.retransmitted(k, now);
      resend(board.start(k), board.end(k));
      recovery.sent(1);
      if (k == 0 && timer.kind() != RetransmitTimer.Kind.REORDER) {
        timer.arm(RetransmitTimer.Kind.RTO, now + rtt.rtoNs());
      }
    }
    int sent = 0;
    while (board.inFlight() < window.cwnd && sendNew()) {
      sent++;
    }
    boolean limited = board.inFlight() >= window.cwnd;
    if (sent > 0 || limited) {
      // Linux's tcp_cwnd_validate: whether the window was used, per window of data.
      if (sndUna >= cwndUsageSeq || limited || (!cwndLimited && board.packetsOut > maxPacketsOut)) {
        cwndLimited = limited;
        maxPacketsOut = board.packetsOut;
        cwndUsageSeq = sndNxt;
      }
    }
    if (sent > 0) {
      recovery.sent(sent);
      if (!scheduleLossProbe(false) && !timer.armed()) {
        timer.arm(RetransmitTimer.Kind.RTO, now + rtt.rtoNs());
      }
    }
  }

  /** Sends the next new segment (data or FIN) if the peer's window allows; false if none. */
  private boolean sendNew() {
    if (sndNxt < sndLimit) {
      int room = mss - sackOptionBytes(sacks.blocksToSend(MAX_SACK_BLOCKS));
      int length = (int) Math.min(room, sndLimit - sndNxt);
      if (sndNxt + length > sndUna + peerWindow) {
        return false;
      }
      dataSent();
      board.add(sndNxt, sndNxt + length, simulator.nowNs());
      emit(segment(sndNxt, HEADER_LENGTH, length, TcpHeader.ACK), sndNxt < sndMax);
      sndNxt += length;
    } else if (finRequested && sndNxt == sndLimit) {
      board.add(sndNxt, sndNxt + 1, simulator.nowNs());
      emit(segment(sndNxt, HEADER_LENGTH, 0, TcpHeader.FIN | TcpHeader.ACK), sndNxt < sndMax);
      sndNxt++;
      if (state == State.ESTABLISHED) {
        state = State.FIN_WAIT_1;
      } else if (state == State.CLOSE_WAIT) {
        state = State.LAST_ACK;
      }
    } else {
      return false;
    }
    sndMax = Math.max(sndMax, sndNxt);
    return true;
  }

  /** Option bytes SACK blocks add (Linux: NOP, NOP, kind, length, then 8 bytes a block). */
  static int sackOptionBytes(int blocks) {
    return blocks == 0 ? 0 : 4 + 8 * blocks;
  }

  private boolean finInFlightStates() {
    return state == State.FIN_WAIT_1 || state == State.LAST_ACK || state == State.CLOSING;
  }

  /** Sends the segment [start, end) again (a FIN when it is the sequence number after the data). */
  private void resend(long start, long end) {
    if (start >= sndLimit) {
      emit(segment(start, HEADER_LENGTH, 0, TcpHeader.FIN | TcpHeader.ACK), true);
    } else {
      dataSent();
      emit(segment(start, HEADER_LENGTH, (int) (end - start), TcpHeader.ACK), true);
    }
  }

  private void sendAck() {
    emit(segment(sndNxt, HEADER_LENGTH, 0, TcpHeader.ACK), false);
  }

  private Frame segment(long seq, int headerLength, int payload, int flags) {
    Frame f = new Frame();
    f.flow = flow;
    f.dstIp = remoteIp;
    f.df = true; // Linux TCP always sets DF (PMTUD, RFC 1191)
    boolean ack = (flags & TcpHeader.ACK) != 0;
    int blocks = ack && (flags & TcpHeader.SYN) == 0 ? sacks.blocksToSend(MAX_SACK_BLOCKS) : 0;
    if (blocks > 0) {
      f.sackBlocks = new long[2 * blocks];
      sacks.write(f.sackBlocks, blocks); // all of them: blocksToSend counted what there is
      headerLength += sackOptionBytes(blocks);
    }
    f.tcp(localPort, remotePort, headerLength, payload);
    f.tcpSeq = seq;
    f.tcpAck = ack ? rcvNxt : 0;
    f.tcpFlags = (short) flags;
    f.tcpWindow = rcvWindow;
    f.tsVal = simulator.nowNs();
    f.tsEcr = tsRecent;
    return f;
  }

  private void emit(Frame f, boolean retransmission) {
    long now = simulator.nowNs();
    f.appSentNs = now;
    if ((f.tcpFlags & TcpHeader.ACK) != 0) {
      acks.ackSent(); // every segment carries the latest acknowledgment
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

  private final EventHandler resendAfterMtuDrop = this::resendAfterMtuDrop;

  private void resendAfterMtuDrop() {
    if (state == State.CLOSED || sndUna >= sndMax) {
      return;
    }
    // What is outstanding is cut again at the new size: forget it and go back to snd_una.
    board.clear();
    sndNxt = sndUna;
    trySend();
  }

  // ------------------------------------------------------------------ timers

  /**
   * Linux's tcp_rearm_rto: RTO from now, or, replacing a probe or reordering timer, from when the
   * first outstanding segment was sent.
   */
  private void rearmRto() {
    long now = simulator.nowNs();
    long deadline = now + rtt.rtoNs();
    if (timer.armed() && timer.kind() != RetransmitTimer.Kind.RTO && !board.isEmpty()) {
      deadline = Math.max(now + 1, board.xmitNs(0) + rtt.rtoNs());
    }
    timer.arm(RetransmitTimer.Kind.RTO, deadline);
  }

  /**
   * Linux's tcp_schedule_loss_probe: in the open state, a probe after 2·SRTT (plus the minimum RTO
   * when one segment is out, for a delayed ACK), unless the RTO would fire first.
   */
  private boolean scheduleLossProbe(boolean advancingRto) {
    if (board.packetsOut == 0 || !recovery.mayProbe()) {
      return false;
    }
    long now = simulator.nowNs();
    long timeout;
    if (rtt.srttNs() > 0) {
      timeout = 2 * rtt.srttNs() + (board.packetsOut == 1 ? settings.minRtoNs() : TIMEOUT_MIN_NS);
    } else {
      timeout = settings.initialRtoNs();
    }
    long rtoDelta =
        advancingRto || !timer.armed() || timer.kind() != RetransmitTimer.Kind.RTO
            ? rtt.rtoNs()
            : timer.deadlineNs() - now;
    if (rtoDelta > 0) {
      timeout = Math.min(timeout, rtoDelta);
    }
    timer.arm(RetransmitTimer.Kind.PROBE, now + timeout);
    return true;
  }

  private void timerExpired(RetransmitTimer.Kind kind) {
    if (state == State.CLOSED) {
      return;
    }
    switch (kind) {
      case REORDER -> reorderTimeout();
      case PROBE -> sendLossProbe();
      default -> retransmissionTimeout();
    }
  }

  /** Linux's tcp_rack_reo_timeout: losses the reordering window was waiting for. */
  private void reorderTimeout() {
    long now = simulator.nowNs();
    int inFlight = board.inFlight();
    long wait =
        board.detectLoss(now, rack, recovery.reorderingWindowNs(rtt.minRttNs(), rtt.srttNs()));
    if (board.inFlight() != inFlight) {
      refreshWindow();
      recovery.lostOnTimer(sndNxt);
      trySend();
    }
    if (wait > 0) {
      timer.arm(RetransmitTimer.Kind.REORDER, now + wait + TIMEOUT_MIN_NS);
    } else if (!timer.armed() && !board.isEmpty()) {
      rearmRto();
    }
  }

  /**
   * Linux's tcp_send_loss_probe (RFC 8985 section 7): new data if the peer's window allows, else
   * the last segment again; then the RTO from now.
   */
  private void sendLossProbe() {
    long now = simulator.nowNs();
    if (!recovery.probeOutstanding() && !board.isEmpty()) {
      boolean retransmission = !sendNew();
      if (retransmission) {
        int last = board.size() - 1;
        board.probed(last, now);
        resend(board.start(last), board.end(last));
      }
      lossProbes++;
      recovery.probeSent(sndNxt, retransmission);
    }
    if (!board.isEmpty()) {
      timer.arm(RetransmitTimer.Kind.RTO, now + rtt.rtoNs());
    }
  }

  /** Linux's tcp_retransmit_timer: SYN again, or tcp_enter_loss and the first segment again. */
  private void retransmissionTimeout() {
    long now = simulator.nowNs();
    if (state == State.SYN_SENT || state == State.SYN_RECEIVED) {
      timeouts++;
      if (state == State.SYN_SENT) {
        observer.retransmissionTimeout(flow);
      }
      rtt.backOff();
      if (synTries > settings.synRetries()) {
        enterClosed();
        return;
      }
      sendSyn(state == State.SYN_RECEIVED);
      return;
    }
    if (board.isEmpty()) {
      return;
    }
    timeouts++;
    observer.retransmissionTimeout(flow);
    refreshWindow();
    recovery.enterLoss(sndUna, sndNxt, rtoRetransmits == 0);
    // A lowered path MTU (ICMP fragmentation-needed) shrinks the segments from here on.
    mss = Math.min(mss, out.pathMtu(remoteIp) - IP_TCP_HEADERS - TIMESTAMP_OPTION_BYTES);
    int k = board.nextToRetransmit();
    if (k >= 0) {
      board.retransmitted(k, now);
      resend(board.start(k), board.end(k));
    }
    rtoRetransmits++;
    rtt.backOff();
    timer.arm(RetransmitTimer.Kind.RTO, now + rtt.rtoNs());
  }

  private void enterClosed() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    timer.disarm();
    acks.stop();
    application.closed(this);
  }

  // ------------------------------------------------------------------ read-outs

  @Override
  public String toString() {
    return "tcp["
        + state
        + " "
        + recovery.state()
        + " una="
        + sndUna
        + " nxt="
        + sndNxt
        + " limit="
        + sndLimit
        + " cwnd="
        + window.cwnd
        + " ssthresh="
        + window.ssthresh
        + " inFlight="
        + board.inFlight()
        + " sacked="
        + board.sackedOut
        + " lost="
        + board.lostOut
        + " peerWnd="
        + peerWindow
        + " rcvNxt="
        + rcvNxt
        + " timer="
        + timer
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

  /** The congestion window in bytes (segments × full-segment payload, as ss's cwnd × mss). */
  public long congestionWindow() {
    return (long) window.cwnd * mss;
  }

  /** The slow-start threshold in bytes, -1 while it is Linux's "infinite" (no loss yet). */
  public long slowStartThreshold() {
    return window.ssthresh >= CongestionWindow.INFINITE_SSTHRESH
        ? -1
        : (long) window.ssthresh * mss;
  }

  /** Segments in flight (Linux's tcp_packets_in_flight) × full-segment payload. */
  public long bytesInFlight() {
    return (long) board.inFlight() * mss;
  }

  public CaState congestionState() {
    return recovery.state();
  }

  public long receiveWindow() {
    return rcvWindow;
  }

  public long rtoNs() {
    return rtt.rtoNs();
  }

  public long smoothedRttNs() {
    return rtt.srttNs();
  }

  public long rttVariationNs() {
    return rtt.rttvarNs();
  }

  public long segmentsSent() {
    return segmentsSent;
  }

  public long retransmissions() {
    return retransmissions;
  }

  /** Recoveries entered (each starts with a fast retransmit). */
  public long fastRetransmits() {
    return recovery.recoveries();
  }

  public long timeouts() {
    return timeouts;
  }

  /** Tail loss probes sent. */
  public long lossProbes() {
    return lossProbes;
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
