package org.overlaysim.scenario;

import java.util.List;
import java.util.Objects;

/** An ordered, stateless access list at one host's VTEP: the first matching rule wins. */
public record Acl(String host, Direction direction, Action defaultAction, List<AclRule> rules) {

  public enum Direction {
    INGRESS,
    EGRESS
  }

  public enum Action {
    ALLOW,
    DENY
  }

  /** Protocols an ACL rule can match; ANY matches every packet. */
  public enum Match {
    ANY,
    TCP,
    UDP,
    ICMP
  }

  public Acl {
    Checks.name(host, "acl host");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(defaultAction, "defaultAction");
    rules = Checks.list(rules);
  }
}
