package org.overlaysim.scenario;

import java.util.Objects;
import java.util.Optional;

/** One ACL rule; an absent field matches anything. Matches the inner (container) packet. */
public record AclRule(
    Acl.Action action,
    Acl.Match protocol,
    Optional<Cidr> src,
    Optional<Cidr> dst,
    Optional<PortRange> srcPort,
    Optional<PortRange> dstPort) {
  public AclRule {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(srcPort, "srcPort");
    Objects.requireNonNull(dstPort, "dstPort");
  }
}
