package org.overlaysim.emulation.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sending end of a {@code tcp} bulk flow, run inside the source container's namespace with the
 * kernel's own TCP: {@code BulkSender ADDRESS PORT BYTES DURATION_MS}. Connects, writes {@code
 * BYTES} zero bytes (0: as many as it can for {@code DURATION_MS}), shuts its side down and waits
 * until the receiver has read everything and closed. Prints {@code SENT START_NS BYTES RETRANS_SEGS
 * OUT_SEGS OUT_REQUESTS OUT_OCTETS TIMEOUTS LOCAL_PORT} (LOCAL_PORT 0 and a line {@code
 * NOT-CONNECTED REASON} before it when the connection could not be made): the {@link
 * System#nanoTime()} just before the SYN, and how far the namespace's own counters (/proc/net/snmp
 * Tcp RetransSegs and OutSegs, Ip OutRequests, /proc/net/netstat IpExt OutOctets and TcpExt
 * TCPTimeouts) moved during the connection.
 */
public final class BulkSender {
  private static final int CHUNK = 64 * 1024;

  /** Long enough for the kernel's SYN retransmissions at 1 s and 3 s (a SYN lost to link loss). */
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private BulkSender() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: BulkSender ADDRESS PORT BYTES DURATION_MS");
      System.exit(2);
    }
    String address = args[0];
    int port = Integer.parseInt(args[1]);
    long bytes = Long.parseLong(args[2]);
    long durationNs = Long.parseLong(args[3]) * 1_000_000;
    long[] before = counters();
    byte[] zeros = new byte[CHUNK];
    long start = System.nanoTime();
    long sent = 0;
    int localPort;
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
      } catch (IOException e) {
        // Unreachable (a policy drops the SYN, no route, nobody listening): a result, not a
        // failure of the emulation; the flow delivers nothing, as in the simulation.
        System.out.println("NOT-CONNECTED " + e.getMessage());
        report(start, 0, before, 0);
        return;
      }
      localPort = socket.getLocalPort();
      OutputStream out = socket.getOutputStream();
      long deadline = start + durationNs;
      while (bytes > 0 ? sent < bytes : System.nanoTime() < deadline) {
        int n = (int) (bytes > 0 ? Math.min(CHUNK, bytes - sent) : CHUNK);
        out.write(zeros, 0, n);
        sent += n;
      }
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // The receiver closes once it has read our last byte.
      }
    }
    report(start, sent, before, localPort);
  }

  private static void report(long start, long sent, long[] before, int localPort)
      throws IOException {
    long[] after = counters();
    StringBuilder line = new StringBuilder("SENT ").append(start).append(' ').append(sent);
    for (int i = 0; i < before.length; i++) {
      line.append(' ').append(after[i] - before[i]);
    }
    System.out.println(line.append(' ').append(localPort));
    System.out.flush();
  }

  /** RetransSegs, OutSegs, OutRequests, OutOctets, TCPTimeouts of this process's namespace. */
  static long[] counters() throws IOException {
    List<String> snmp = Files.readAllLines(Path.of("/proc/net/snmp"), StandardCharsets.US_ASCII);
    List<String> netstat =
        Files.readAllLines(Path.of("/proc/net/netstat"), StandardCharsets.US_ASCII);
    return new long[] {
      counter(snmp, "Tcp:", "RetransSegs"),
      counter(snmp, "Tcp:", "OutSegs"),
      counter(snmp, "Ip:", "OutRequests"),
      counter(netstat, "IpExt:", "OutOctets"),
      counter(netstat, "TcpExt:", "TCPTimeouts")
    };
  }

  /** A counter from the two-line (names, values) tables of /proc/net/snmp and netstat. */
  static long counter(List<String> lines, String table, String name) throws IOException {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith(table) && lines.get(i + 1).startsWith(table)) {
        String[] names = lines.get(i).trim().split("\\s+");
        String[] values = lines.get(i + 1).trim().split("\\s+");
        for (int c = 1; c < names.length && c < values.length; c++) {
          if (names[c].equals(name)) {
            return Long.parseLong(values[c]);
          }
        }
      }
    }
    throw new IOException("no " + table + " " + name + " counter in /proc/net");
  }
}
