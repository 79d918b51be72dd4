package org.overlaysim.scenario;

import java.util.List;
import java.util.Objects;

/** A NetworkPolicy ipBlock: a CIDR minus the {@code except} prefixes inside it. */
public record IpBlock(Cidr cidr, List<Cidr> except) {
  public IpBlock {
    Objects.requireNonNull(cidr, "cidr");
    except = Checks.list(except);
  }

  public boolean contains(Ipv4 address) {
    if (!cidr.contains(address)) {
      return false;
    }
    for (Cidr excluded : except) {
      if (excluded.contains(address)) {
        return false;
      }
    }
    return true;
  }
}
