package org.overlaysim.emulation.probe;

/**
 * One probe as the client takes it on its command line: {@code ID:tcp|udp:IP:PORT:EXPECTED}, where
 * EXPECTED is the name the answering container must give.
 */
public record ProbeTarget(int id, Port port, String address, String expected) {
  /** A protocol and port, written {@code tcp:80}. */
  public record Port(boolean tcp, int number) {
    public Port {
      if (number < 1 || number > 65535) {
        throw new IllegalArgumentException("port outside 1..65535: " + number);
      }
    }

    public static Port parse(String text) {
      String[] parts = text.split(":", -1);
      if (parts.length != 2 || !(parts[0].equals("tcp") || parts[0].equals("udp"))) {
        throw new IllegalArgumentException("not tcp:PORT or udp:PORT: " + text);
      }
      return new Port(parts[0].equals("tcp"), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
      return (tcp ? "tcp:" : "udp:") + number;
    }
  }

  public ProbeTarget {
    if (!address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    if (!expected.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a container name: " + expected);
    }
  }

  public static ProbeTarget parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException("not ID:PROTO:IP:PORT:EXPECTED: " + text);
    }
    return new ProbeTarget(
        Integer.parseInt(parts[0]), Port.parse(parts[1] + ":" + parts[3]), parts[2], parts[4]);
  }

  @Override
  public String toString() {
    return id
        + ":"
        + (port.tcp() ? "tcp" : "udp")
        + ":"
        + address
        + ":"
        + port.number()
        + ":"
        + expected;
  }
}
