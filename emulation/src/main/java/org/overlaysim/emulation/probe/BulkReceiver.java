package org.overlaysim.emulation.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The receiving end of {@code tcp} bulk flows, run inside the destination container's namespace:
 * {@code BulkReceiver PORT}. Prints {@code READY} once listening; reads every connection to its end
 * and closes it, then prints {@code RECEIVED BYTES FIRST_BYTE_NS LAST_BYTE_NS
 * PEER_ADDRESS:PEER_PORT STALLED_NS}, the times from {@link System#nanoTime()} (CLOCK_MONOTONIC,
 * which every namespace shares, so the sender's times compare with them), STALLED_NS the sum of the
 * gaps between reads longer than {@link #STALL_NS}. A line {@code COUNTERS} on its input has it
 * print {@code COUNTERS} and how far the namespace's counters moved since it started, as {@link
 * BulkSender} prints them (the receiver's segments are its ACKs). Exits when its input closes, so
 * it never outlives the emulator that started it.
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

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BulkReceiver PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(port), 128);
    long[] before = BulkSender.counters();
    Thread acceptor =
        new Thread(
            () -> {
              while (true) {
                try {
                  Socket socket = server.accept();
                  Thread reader = new Thread(() -> print(drain(socket)), "bulk-receiver");
                  reader.setDaemon(true);
                  reader.start();
                } catch (IOException e) {
                  // One failed accept does not stop the receiver.
                }
              }
            },
            "bulk-receiver-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    print("READY");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = in.readLine()) != null) {
      if (command.strip().equals("COUNTERS")) {
        long[] after = BulkSender.counters();
        StringBuilder counters = new StringBuilder("COUNTERS");
        for (int i = 0; i < before.length; i++) {
          counters.append(' ').append(after[i] - before[i]);
        }
        print(counters.toString());
      }
    }
    // Input closed: the emulator is done with us (or gone).
    System.exit(0);
  }

  private static synchronized void print(String line) {
    System.out.println(line);
    System.out.flush();
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
