package org.overlaysim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container with one interface on one overlay, all addresses allocated.
 *
 * @param group the entry that made it: its own name, the {@code count} entry's name, or the {@code
 *     group:} given; traffic may name a group
 * @param labels sorted
 * @param mtu interface MTU (the overlay's unless given)
 */
public record Container(
    String name,
    String group,
    String host,
    String overlay,
    String namespace,
    Map<String, String> labels,
    Ipv4 ip,
    MacAddress mac,
    int mtu,
    List<ContainerPort> ports) {
  public Container {
    Checks.name(name, "container name");
    Checks.name(group, "container group");
    Checks.name(host, "container host");
    Checks.name(overlay, "container overlay");
    Checks.name(namespace, "container namespace");
    labels = Checks.sorted(labels);
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(mac, "mac");
    Checks.range(mtu, 68, 65535, "mtu");
    ports = Checks.list(ports);
  }
}
