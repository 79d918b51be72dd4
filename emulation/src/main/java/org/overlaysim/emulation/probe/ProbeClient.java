package org.overlaysim.emulation.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The asking end of reachability probes, run inside the source container's namespace: {@code
 * ProbeClient TIMEOUT_MS SOURCE_PORT TARGET...}. Each target gets a new TCP connection or a UDP
 * request from {@code SOURCE_PORT} (0: any), all at once (but see the rounds below); a probe is
 * allowed only when the expected container answers within the timeout. Prints one line per target:
 * {@code ID allowed|denied DETAIL RTT_US}.
 */
public final class ProbeClient {
  private ProbeClient() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: ProbeClient TIMEOUT_MS SOURCE_PORT ID:PROTO:IP:PORT:NAME...");
      System.exit(2);
    }
    int timeoutMs = Integer.parseInt(args[0]);
    int sourcePort = Integer.parseInt(args[1]);
    List<ProbeTarget> targets = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      targets.add(ProbeTarget.parse(args[i]));
    }
    String[] lines = new String[targets.size()];
    // One source port for all: targets sharing protocol, address and port (tenants reusing
    // addresses) would share a 4-tuple, so they go in successive rounds, each round at once.
    Map<String, Integer> seen = new HashMap<>();
    List<List<Integer>> rounds = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      ProbeTarget target = targets.get(t);
      int round = seen.merge(target.port() + "@" + target.address(), 1, Integer::sum) - 1;
      while (rounds.size() <= round) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(round).add(t);
    }
    for (List<Integer> round : rounds) {
      List<Thread> threads = new ArrayList<>();
      for (int t : round) {
        Thread thread =
            new Thread(
                () -> lines[t] = probe(targets.get(t), timeoutMs, sourcePort), "probe-client");
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
    }
    for (String line : lines) {
      System.out.println(line);
    }
    System.out.flush();
  }

  static String probe(ProbeTarget target, int timeoutMs, int sourcePort) {
    long start = System.nanoTime();
    String detail;
    try {
      String answer =
          target.port().tcp()
              ? tcp(target, timeoutMs, sourcePort)
              : udp(target, timeoutMs, sourcePort);
      detail = answer.equals(target.expected()) ? "reply" : "wrong-container:" + answer;
    } catch (SocketTimeoutException e) {
      detail = "timeout";
    } catch (PortUnreachableException | ConnectException e) {
      detail = "refused";
    } catch (NoRouteToHostException e) {
      detail = "no-route";
    } catch (SocketException e) {
      String message = String.valueOf(e.getMessage());
      detail = message.contains("unreachable") ? "no-route" : "error:" + sanitize(message);
    } catch (IOException | RuntimeException e) {
      detail = "error:" + sanitize(String.valueOf(e.getMessage()));
    }
    long micros = (System.nanoTime() - start) / 1000;
    String result = detail.equals("reply") ? "allowed" : "denied";
    return target.id() + " " + result + " " + detail + " " + micros;
  }

  private static String tcp(ProbeTarget target, int timeoutMs, int sourcePort) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(sourcePort));
      socket.connect(new InetSocketAddress(target.address(), target.port().number()), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      String answer = readLine(socket.getInputStream());
      // Read to the server's close, so that the server, not we, holds TIME_WAIT: a later round
      // may reuse our 4-tuple toward another tenant's container with the same address.
      socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return answer;
    }
  }

  private static String udp(ProbeTarget target, int timeoutMs, int sourcePort) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(null)) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(sourcePort));
      socket.connect(new InetSocketAddress(target.address(), target.port().number()));
      socket.setSoTimeout(timeoutMs);
      byte[] request = "probe\n".getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(request, request.length));
      byte[] buffer = new byte[512];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      socket.receive(reply);
      return new String(buffer, 0, reply.getLength(), StandardCharsets.UTF_8).strip();
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && line.length() < 256) {
      line.append((char) b);
    }
    return line.toString();
  }

  private static String sanitize(String message) {
    return message.replaceAll("[^A-Za-z0-9._-]+", "-");
  }
}
