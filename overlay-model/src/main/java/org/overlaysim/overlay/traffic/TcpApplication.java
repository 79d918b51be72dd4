package org.overlaysim.overlay.traffic;

/** What runs on top of a {@link TcpConnection}: told of its life and of bytes received in order. */
public interface TcpApplication {
  TcpApplication NONE = new TcpApplication() {};

  /** The three-way handshake completed. */
  default void connected(TcpConnection connection) {}

  /** In-order bytes received grew to {@code totalBytes} (the application reads at once). */
  default void received(TcpConnection connection, long totalBytes) {}

  /** The peer's FIN arrived in order: it sends nothing more. */
  default void peerClosed(TcpConnection connection) {}

  /** The connection is closed (both FINs acknowledged, reset, or the handshake gave up). */
  default void closed(TcpConnection connection) {}
}
