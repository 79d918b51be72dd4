package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.Simulator;

/**
 * The cores of a host that encrypt what it sends and decrypt what it receives on encrypted
 * overlays: one FIFO server at {@code cores} times the cipher's per-core rate (a packet's service
 * time is its encrypted IPv4 bytes at that rate), shared by both directions, so encryption becomes
 * the bottleneck when the links are faster. At most {@link #BACKLOG} packets wait; more are
 * dropped, as WireGuard drops beyond MAX_QUEUED_PACKETS (drivers/net/wireguard/device.h). Frames go
 * through two {@link FramePipe}s (one event a frame, no allocation).
 */
final class CryptoCpu {
  /** WireGuard's per-device encryption and decryption queue limit. */
  static final int BACKLOG = 1024;

  private final Simulator simulator;
  private final int cores;
  private final FramePipe encrypted;
  private final FramePipe decrypted;
  private long busyUntilNs;
  private long busyNs;
  private long packets;
  private long bytes;
  private int waiting;

  CryptoCpu(Simulator simulator, int cores, DelayLine.Stage sent, DelayLine.Stage received) {
    this.simulator = simulator;
    this.cores = cores;
    this.encrypted = new FramePipe(simulator, leave(sent));
    this.decrypted = new FramePipe(simulator, leave(received));
  }

  private DelayLine.Stage leave(DelayLine.Stage next) {
    return f -> {
      waiting--;
      packets++;
      bytes += f.ipLength();
      next.process(f);
    };
  }

  /** Encrypts an outgoing frame at {@code rateBps} a core; false when the backlog is full. */
  boolean encrypt(Frame f, long rateBps) {
    return offer(encrypted, f, rateBps);
  }

  /** Decrypts an incoming frame at {@code rateBps} a core; false when the backlog is full. */
  boolean decrypt(Frame f, long rateBps) {
    return offer(decrypted, f, rateBps);
  }

  private boolean offer(FramePipe pipe, Frame f, long rateBps) {
    if (waiting >= BACKLOG) {
      return false;
    }
    long now = simulator.nowNs();
    int length = f.ipLength();
    long serviceNs = Math.max(1, length * 8_000_000_000L / (cores * rateBps));
    busyUntilNs = Math.max(now, busyUntilNs) + serviceNs;
    busyNs += serviceNs;
    waiting++;
    pipe.offer(f, busyUntilNs);
    return true;
  }

  int cores() {
    return cores;
  }

  /** Packets encrypted or decrypted so far (work under way left out). */
  long packets() {
    return packets;
  }

  long bytes() {
    return bytes;
  }

  /** Time the cores were busy up to {@code nowNs}, work still ahead of them left out. */
  long busyNs(long nowNs) {
    return busyNs - Math.max(0, busyUntilNs - nowNs);
  }
}
