package org.overlaysim.emulation.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space delay line for tunnel packets, run inside a host's namespace where the kernel lacks
 * netem: {@code ip netns exec NS java -cp ... DelayRelay BIND_IP SEND_PORT SEED ROUTE...}, each
 * route {@code LISTEN_PORT,REMOTE_IP,REMOTE_PORT,DELAY_NS,JITTER_NS[+JITTER_NS...]}. nftables in
 * the namespace redirects (DNAT, output hook) the outer UDP datagrams the host's VTEPs send to
 * REMOTE_IP:REMOTE_PORT to BIND_IP:LISTEN_PORT; the relay holds each datagram for the path's one
 * way delay (plus, per link with jitter, a uniform draw in [-jitter, +jitter], never below zero)
 * and sends its payload on, unchanged, to the real remote VTEP from BIND_IP:SEND_PORT (a port the
 * DNAT rules leave alone). One thread per listening port stamps and queues; one sender thread takes
 * datagrams from a {@link DelayQueue} as they fall due: no sleep per packet.
 *
 * <p>The inner TCP or UDP checksum of a tunnelled frame may still be a checksum offload's partial
 * sum (the kernel leaves it to the "hardware" of the device the outer packet leaves on, and a
 * datagram delivered to a local socket never gets there), so the relay computes it ({@link
 * #completeInnerChecksum}) before sending the frame on.
 *
 * <p>Prints {@code READY} once every port is bound; answers a line {@code STATS} on its input with
 * {@code STATS relayed=N late_mean_us=X late_max_us=Y} (how long after its due time each datagram
 * left, negative when early); exits when its input closes, so it never outlives the emulator that
 * started it.
 */
public final class DelayRelay {
  private static final int MAX_DATAGRAM = 65_535;

  private final DelayQueue<Held> queue = new DelayQueue<>();
  private final AtomicLong relayed = new AtomicLong();
  private final AtomicLong lateSumNs = new AtomicLong();
  private final AtomicLong lateMaxNs = new AtomicLong();

  /**
   * How long after its release time a datagram typically leaves (an average of the last few dozen:
   * the wake-up and the send): datagrams are released that much before their due time, so that they
   * leave on time. At most {@link #MAX_COMPENSATION_NS}.
   */
  private volatile long compensationNs;

  private static final long MAX_COMPENSATION_NS = 200_000;

  /**
   * Lateness (sending time minus due time) in 10 us buckets from -1 ms to 9 ms (the first and last
   * buckets hold anything earlier or later).
   */
  private final java.util.concurrent.atomic.AtomicLongArray lateness =
      new java.util.concurrent.atomic.AtomicLongArray(1001);

  private static final int WARM_UP_DATAGRAMS = 3_000;

  /** One route: what arrives on {@code listenPort} goes to {@code remote} after the delay. */
  record Route(int listenPort, InetSocketAddress remote, long delayNs, long[] jitterNs) {
    static Route parse(String text) {
      String[] f = text.split(",");
      if (f.length != 5) {
        throw new IllegalArgumentException("route " + text + ": want PORT,IP,PORT,DELAY,JITTER");
      }
      String[] jitters = f[4].split("\\+");
      long[] jitter = new long[jitters.length];
      for (int i = 0; i < jitters.length; i++) {
        jitter[i] = Long.parseLong(jitters[i]);
      }
      return new Route(
          Integer.parseInt(f[0]),
          new InetSocketAddress(f[1], Integer.parseInt(f[2])),
          Long.parseLong(f[3]),
          jitter);
    }

    /** This datagram's delay: the path's, plus a uniform draw per jittery link, at least 0. */
    long delay(SplittableRandom random) {
      long d = delayNs;
      for (long j : jitterNs) {
        if (j > 0) {
          d += random.nextLong(-j, j + 1);
        }
      }
      return Math.max(0, d);
    }
  }

  /** A datagram waiting for its due time (System.nanoTime()). */
  static final class Held implements Delayed {
    final long dueNs;
    final long releaseNs;
    final long sequence;
    final ByteBuffer payload;
    final InetSocketAddress remote;

    Held(long dueNs, long releaseNs, long sequence, ByteBuffer payload, InetSocketAddress remote) {
      this.dueNs = dueNs;
      this.releaseNs = releaseNs;
      this.sequence = sequence;
      this.payload = payload;
      this.remote = remote;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(releaseNs - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Held o = (Held) other;
      int byRelease = Long.compare(releaseNs, o.releaseNs);
      return byRelease != 0 ? byRelease : Long.compare(sequence, o.sequence);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println(
          "usage: DelayRelay BIND_IP SEND_PORT SEED LISTEN_PORT,REMOTE_IP,REMOTE_PORT,DELAY_NS,"
              + "JITTER_NS...");
      System.exit(2);
    }
    InetAddress bind = InetAddress.getByName(args[0]);
    int sendPort = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    List<Route> routes = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      routes.add(Route.parse(args[i]));
    }
    new DelayRelay().run(bind, sendPort, seed, routes);
  }

  private void run(InetAddress bind, int sendPort, long seed, List<Route> routes)
      throws IOException {
    start(bind, sendPort, seed, routes);
    System.out.println("READY");
    System.out.flush();
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      if (line.strip().equals("STATS")) {
        long n = relayed.get();
        System.out.printf(
            Locale.ROOT,
            "STATS relayed=%d late_p50_us=%d late_p99_us=%d late_mean_us=%.1f"
                + " late_max_us=%.1f%n",
            n,
            percentileUs(0.50),
            percentileUs(0.99),
            n == 0 ? 0.0 : lateSumNs.get() / 1e3 / n,
            lateMaxNs.get() / 1e3);
        System.out.flush();
      }
    }
    System.exit(0);
  }

  private final List<DatagramChannel> channels = new ArrayList<>();

  /**
   * Binds every port (a listening port of 0 takes any free one: {@link #listenPorts()}), warms up
   * and starts the threads; the relay runs until {@link #close()} (or its process ends).
   */
  DelayRelay start(InetAddress bind, int sendPort, long seed, List<Route> routes)
      throws IOException {
    DatagramChannel out = DatagramChannel.open();
    channels.add(out);
    out.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
    out.bind(new InetSocketAddress(bind, sendPort));
    List<Thread> threads = new ArrayList<>();
    long sequenceBase = 0;
    for (Route route : routes) {
      DatagramChannel in = DatagramChannel.open();
      channels.add(in);
      in.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
      in.bind(new InetSocketAddress(bind, route.listenPort()));
      SplittableRandom random = new SplittableRandom(seed + route.listenPort());
      long base = sequenceBase;
      sequenceBase += 1L << 48;
      threads.add(daemon(() -> receive(in, route, random, base), "relay-in-" + route.listenPort()));
    }
    warmUp(bind);
    threads.add(daemon(() -> send(out), "relay-out"));
    threads.forEach(Thread::start);
    return this;
  }

  /** The bound listening ports, in route order. */
  List<Integer> listenPorts() throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (DatagramChannel channel : channels.subList(1, channels.size())) {
      ports.add(((InetSocketAddress) channel.getLocalAddress()).getPort());
    }
    return ports;
  }

  /** Closes every socket: the threads end. */
  void close() throws IOException {
    for (DatagramChannel channel : channels) {
      channel.close();
    }
  }

  /**
   * Runs the receive, queue and send paths a few thousand times on the host's own address before
   * the first real datagram, so that the JIT has compiled them: an interpreted first second would
   * be milliseconds late.
   */
  private static void warmUp(InetAddress bind) throws IOException {
    try (DatagramChannel sink = DatagramChannel.open();
        DatagramChannel source = DatagramChannel.open()) {
      sink.bind(new InetSocketAddress(bind, 0));
      source.bind(new InetSocketAddress(bind, 0));
      InetSocketAddress to = (InetSocketAddress) sink.getLocalAddress();
      DelayQueue<Held> local = new DelayQueue<>();
      ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
      for (int i = 0; i < WARM_UP_DATAGRAMS; i++) {
        ByteBuffer payload = ByteBuffer.allocate(64);
        long now = System.nanoTime();
        local.put(new Held(now, now, i, payload, to));
        try {
          Held held = local.take();
          source.send(held.payload, held.remote);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        buffer.clear();
        sink.receive(buffer);
        buffer.flip();
        ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
      }
    }
  }

  /**
   * Completes the inner IPv4 TCP or UDP checksum of a VXLAN or Geneve datagram in place (a UDP
   * checksum of 0, "none", stays; fragments and anything else are left alone).
   */
  static void completeInnerChecksum(byte[] d, int length) {
    if (length < 8) {
      return;
    }
    int ethernet;
    if (u16(d, 2) == 0x6558) {
      ethernet = 8 + (d[0] & 0x3f) * 4; // Geneve: 8 bytes plus the options' length in words
    } else if ((d[0] & 0x08) != 0) {
      ethernet = 8; // VXLAN with the I flag
    } else {
      return;
    }
    int ip = ethernet + 14;
    if (length < ip) {
      return;
    }
    int type = u16(d, ethernet + 12);
    if (type == 0x8100 && length >= ip + 4) {
      type = u16(d, ethernet + 16);
      ip += 4;
    }
    if (type != 0x0800 || length < ip + 20 || (d[ip] & 0xf0) != 0x40) {
      return;
    }
    int headerLength = (d[ip] & 0x0f) * 4;
    int totalLength = u16(d, ip + 2);
    boolean fragment = (u16(d, ip + 6) & 0x3fff) != 0;
    int protocol = d[ip + 9] & 0xff;
    int l4 = ip + headerLength;
    int l4Length = totalLength - headerLength;
    if (fragment || l4Length < 8 || ip + totalLength > length) {
      return;
    }
    int field;
    if (protocol == 6 && l4Length >= 20) {
      field = l4 + 16;
    } else if (protocol == 17) {
      field = l4 + 6;
      if (u16(d, field) == 0) {
        return;
      }
    } else {
      return;
    }
    long sum = protocol + l4Length;
    for (int i = 12; i < 20; i += 2) {
      sum += u16(d, ip + i);
    }
    d[field] = 0;
    d[field + 1] = 0;
    for (int i = 0; i + 1 < l4Length; i += 2) {
      sum += u16(d, l4 + i);
    }
    if ((l4Length & 1) == 1) {
      sum += (d[l4 + l4Length - 1] & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    int checksum = (int) (~sum & 0xffff);
    if (checksum == 0 && protocol == 17) {
      checksum = 0xffff;
    }
    d[field] = (byte) (checksum >> 8);
    d[field + 1] = (byte) checksum;
  }

  private static int u16(byte[] d, int at) {
    return ((d[at] & 0xff) << 8) | (d[at + 1] & 0xff);
  }

  /**
   * The lateness below which a share {@code q} of the datagrams left, in us (10 us steps; negative:
   * early).
   */
  private long percentileUs(double q) {
    long total = 0;
    for (int i = 0; i < lateness.length(); i++) {
      total += lateness.get(i);
    }
    if (total == 0) {
      return 0;
    }
    long seen = 0;
    for (int i = 0; i < lateness.length(); i++) {
      seen += lateness.get(i);
      if (seen >= q * total) {
        return (i + 1) * 10L - 1_000;
      }
    }
    return lateness.length() * 10L - 1_000;
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    return thread;
  }

  private void receive(DatagramChannel in, Route route, SplittableRandom random, long base) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    long sequence = base;
    boolean jitter = java.util.Arrays.stream(route.jitterNs()).anyMatch(j -> j > 0);
    long lastRelease = Long.MIN_VALUE;
    while (true) {
      try {
        buffer.clear();
        in.receive(buffer);
        long now = System.nanoTime();
        buffer.flip();
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer).flip();
        completeInnerChecksum(copy.array(), copy.limit());
        long due = now + route.delay(random);
        long release = due - compensationNs;
        if (!jitter) {
          // A path without jitter keeps its order (a link does): the compensation's drift
          // must not release a datagram before the one that came in ahead of it.
          release = Math.max(release, lastRelease);
          lastRelease = release;
        }
        queue.put(new Held(due, release, sequence++, copy, route.remote()));
      } catch (java.nio.channels.ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // One failed datagram does not stop the relay.
      }
    }
  }

  private void send(DatagramChannel out) {
    long previousSent = 0;
    while (true) {
      Held held;
      try {
        held = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        out.send(held.payload, held.remote);
      } catch (java.nio.channels.ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // Unreachable remote (its namespace gone): drop, as a link would.
      }
      long sent = System.nanoTime();
      long late = sent - held.dueNs;
      long lag = sent - held.releaseNs;
      // Only a datagram that waited for nothing but its time measures the wake-up's cost (one
      // behind others in a burst waited for their sends too); a lag past the bound is the
      // machine's hiccup: clipped, so that one stall does not make the following ones early.
      if (held.releaseNs >= previousSent) {
        long c = compensationNs;
        compensationNs = c + (Math.max(0, Math.min(MAX_COMPENSATION_NS, lag)) - c) / 16;
      }
      previousSent = sent;
      relayed.incrementAndGet();
      lateSumNs.addAndGet(late);
      lateMaxNs.accumulateAndGet(late, Math::max);
      lateness.incrementAndGet(
          (int) Math.max(0, Math.min(lateness.length() - 1, (late + 1_000_000) / 10_000)));
    }
  }
}
