package org.overlaysim.emulation.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The nftables scripts of the host namespaces, by host index, and the hosts whose rules need
 * connection tracking of bridged frames (br_netfilter on).
 */
public record NftRules(Map<Integer, String> scripts, Set<Integer> conntrackHosts) {
  public NftRules {
    scripts = Collections.unmodifiableMap(new TreeMap<>(scripts));
    conntrackHosts = Collections.unmodifiableSet(new TreeSet<>(conntrackHosts));
  }

  public static final NftRules NONE = new NftRules(Map.of(), Set.of());
}
