package org.overlaysim.overlay.policy;

import java.util.Objects;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;

/** The policy-level truth for one probe: a new connection from source to destination's port. */
public record ProbeResult(
    Container source, Container destination, ProbePort port, Verdict verdict) {
  public ProbeResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** {@code allowed} or {@code denied}, as {@code reachability.csv} writes it. */
  public String result() {
    return verdict.allowed() ? "allowed" : "denied";
  }
}
