package org.overlaysim.emulation.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiving end of a {@code tcp} bulk flow, run inside the destination container's namespace:
 * {@code BulkReceiver PORT CONNECTIONS}. Accepts that many connections (one per endpoint pair of
 * the flow), reads each to its end and closes it, then prints one line per connection: {@code
 * RECEIVED BYTES FIRST_BYTE_NS LAST_BYTE_NS PEER_ADDRESS:PEER_PORT STALLED_NS}, the times from
 * {@link System#nanoTime()} (CLOCK_MONOTONIC, which every namespace shares, so the sender's times
 * compare with them), STALLED_NS the sum of the gaps between reads longer than {@link #STALL_NS}.
 * Then {@code COUNTERS} and how far the namespace's counters moved meanwhile, as {@link BulkSender}
 * prints them (the receiver's segments are its ACKs). Prints {@code READY} once listening; exits
 * when its standard input closes, so it never outlives the emulator that started it.
 */
public final class BulkReceiver {
  private static final int BUFFER = 256 * 1024;

  /**
   * A gap between two reads longer than this is a stall: at the rates and round trips emulated data
   * arrives every millisecond or so, unless the sender waits for a retransmission timer (Linux's
   * RTO is 200 ms at least).
   */
  public static final long STALL_NS = 100_000_000L;

  private BulkReceiver() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: BulkReceiver PORT CONNECTIONS");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(port), 128);
    long[] before = BulkSender.counters();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // Wait for the emulator to close our input (or to die).
                }
              } catch (IOException e) {
                // Input gone: the emulator is.
              }
              System.exit(0);
            },
            "bulk-receiver-stdin");
    watchdog.setDaemon(true);
    watchdog.start();
    System.out.println("READY");
    System.out.flush();
    List<Thread> readers = new ArrayList<>();
    String[] lines = new String[connections];
    for (int i = 0; i < connections; i++) {
      Socket socket = server.accept();
      int index = i;
      Thread reader = new Thread(() -> lines[index] = drain(socket), "bulk-receiver");
      readers.add(reader);
      reader.start();
    }
    for (Thread reader : readers) {
      reader.join();
    }
    long[] after = BulkSender.counters();
    for (String line : lines) {
      System.out.println(line);
    }
    StringBuilder counters = new StringBuilder("COUNTERS");
    for (int i = 0; i < before.length; i++) {
      counters.append(' ').append(after[i] - before[i]);
    }
    System.out.println(counters);
    System.out.flush();
    // Stay until the emulator closes our input: it reads the lines first.
    watchdog.join();
  }

  private static String drain(Socket socket) {
    String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    long bytes = 0;
    long first = -1;
    long last = -1;
    long stalled = 0;
    byte[] buffer = new byte[BUFFER];
    try (socket;
        InputStream in = socket.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        long now = System.nanoTime();
        if (first < 0) {
          first = now;
        }
        if (last >= 0 && now - last > STALL_NS) {
          stalled += now - last;
        }
        last = now;
        bytes += n;
      }
    } catch (IOException e) {
      return "FAILED " + e.getMessage();
    }
    return "RECEIVED " + bytes + " " + first + " " + last + " " + peer + " " + stalled;
  }
}
