package org.overlaysim.scenario;

import java.util.Objects;

/**
 * A pcap capture point: an underlay link (outer, encapsulated frames), a container interface (inner
 * frames) or a host's underlay interface.
 */
public record CaptureSpec(Target target, String name) {
  public enum Target {
    LINK,
    CONTAINER,
    HOST
  }

  public CaptureSpec {
    Objects.requireNonNull(target, "target");
    Checks.name(name, "capture name");
  }
}
