package org.overlaysim.scenario;

import java.util.Objects;

/**
 * A machine with a VTEP, attached to one router by an access link.
 *
 * @param group the name of the entry that made it: its own name, or the {@code count} entry's
 * @param ip underlay address of the VTEP
 * @param bandwidthBps access link rate
 * @param mtu access link MTU
 * @param cores cores that encrypt and decrypt the packets of encrypted overlays
 */
public record Host(
    String name,
    String group,
    String site,
    String router,
    Ipv4 ip,
    long bandwidthBps,
    int mtu,
    long queueBytes,
    int cores) {
  public Host {
    Checks.name(name, "host name");
    Checks.name(group, "host group");
    Checks.name(site, "host site");
    Checks.name(router, "host router");
    Objects.requireNonNull(ip, "ip");
    Checks.positive(bandwidthBps, "bandwidth");
    Checks.range(mtu, 68, 65535, "mtu");
    Checks.positive(queueBytes, "queue");
    Checks.range(cores, 1, 4096, "cores");
  }
}
