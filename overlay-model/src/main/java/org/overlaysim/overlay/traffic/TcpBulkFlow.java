package org.overlaysim.overlay.traffic;

/**
 * The {@code tcp} traffic kind between one pair, as iperf3 does it: connect, send {@code bytes} (or
 * as much as the window allows until stop), close; the server closes when the client has. The
 * flow's goodput is its in-order payload over the time from the SYN to the last byte delivered,
 * which is also its completion time.
 */
public final class TcpBulkFlow implements TcpApplication {
  /** "Until stop": more than any run can send. */
  static final long UNLIMITED = Long.MAX_VALUE / 4;

  private final TcpConnection client;
  private final long bytes;

  public TcpBulkFlow(TcpConnection client, long bytes) {
    this.client = client;
    this.bytes = bytes;
    client.application(this);
  }

  public TcpConnection client() {
    return client;
  }

  @Override
  public void connected(TcpConnection connection) {
    connection.write(bytes == 0 ? UNLIMITED : bytes);
    if (bytes > 0) {
      connection.close();
    }
  }

  /** The server's side: closes once the client has closed. */
  public static final TcpApplication SERVER =
      new TcpApplication() {
        @Override
        public void peerClosed(TcpConnection connection) {
          connection.close();
        }
      };
}
