package org.overlaysim.emulation.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answering end of a reachability probe, run inside a container's namespace ({@code ip netns
 * exec NS java -cp ... ProbeServer NAME tcp:80 udp:53 ...}). Every TCP connection and every UDP
 * datagram is answered with the container's name, so the client knows it reached that very
 * container. Prints {@code READY} once every port is bound; exits when its standard input closes,
 * so it never outlives the emulator that started it.
 */
public final class ProbeServer {
  private ProbeServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ProbeServer NAME tcp:PORT|udp:PORT...");
      System.exit(2);
    }
    byte[] answer = (args[0] + "\n").getBytes(StandardCharsets.UTF_8);
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      ProbeTarget.Port port = ProbeTarget.Port.parse(args[i]);
      if (port.tcp()) {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port.number()), 128);
        threads.add(daemon(() -> serveTcp(server, answer)));
      } else {
        DatagramSocket socket = new DatagramSocket(port.number());
        threads.add(daemon(() -> serveUdp(socket, answer)));
      }
    }
    threads.forEach(Thread::start);
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for the emulator to close our input (or to die).
    }
    System.exit(0);
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body, "probe-server");
    thread.setDaemon(true);
    return thread;
  }

  private static void serveTcp(ServerSocket server, byte[] answer) {
    while (true) {
      try (Socket socket = server.accept();
          OutputStream out = socket.getOutputStream()) {
        out.write(answer);
      } catch (IOException e) {
        // One failed connection does not stop the server.
      }
    }
  }

  private static void serveUdp(DatagramSocket socket, byte[] answer) {
    byte[] buffer = new byte[2048];
    while (true) {
      try {
        DatagramPacket request = new DatagramPacket(buffer, buffer.length);
        socket.receive(request);
        socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
      } catch (IOException e) {
        // Keep serving.
      }
    }
  }
}
