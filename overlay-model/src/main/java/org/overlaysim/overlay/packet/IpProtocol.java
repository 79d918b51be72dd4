package org.overlaysim.overlay.packet;

/** IPv4 protocol numbers (IANA) used by the model. */
public final class IpProtocol {
  public static final int ICMP = 1;

  /** IP in IP encapsulation (RFC 2003). */
  public static final int IPIP = 4;

  public static final int TCP = 6;
  public static final int UDP = 17;

  /** Encapsulating Security Payload (RFC 4303). */
  public static final int ESP = 50;

  private IpProtocol() {}
}
