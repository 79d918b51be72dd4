package org.overlaysim.emulation;

import java.util.Objects;
import org.overlaysim.scenario.Protocol;

/**
 * One reachability probe on the kernel: allowed only if the destination container itself answered.
 *
 * @param detail reply, timeout, refused, no-route, wrong-container:NAME or error:...
 */
public record ProbeObservation(
    String src, String dst, Protocol protocol, int port, boolean allowed, String detail) {
  public ProbeObservation {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(detail, "detail");
  }

  public String result() {
    return allowed ? "allowed" : "denied";
  }
}
