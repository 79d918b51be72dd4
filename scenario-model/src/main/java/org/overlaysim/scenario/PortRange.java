package org.overlaysim.scenario;

/** An inclusive range of transport ports, written {@code 53} or {@code 1000-2000}. */
public record PortRange(int first, int last) {
  public PortRange {
    Checks.range(first, 0, 65535, "port");
    Checks.range(last, first, 65535, "last port");
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public String toString() {
    return first == last ? Integer.toString(first) : first + "-" + last;
  }
}
