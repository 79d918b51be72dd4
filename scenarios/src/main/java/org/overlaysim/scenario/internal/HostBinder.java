package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Site;
import org.overlaysim.scenario.UnderlayDefaults;

/**
 * Binds {@code hosts}: explicit hosts, and mass definitions ({@code count} + {@code ipRange})
 * expanded to {@code name-1..name-N} with addresses taken in order from the range, skipping the
 * network and broadcast addresses and every address an explicit host holds.
 */
final class HostBinder {
  static final List<String> REQUIRED = List.of("name", "router");
  static final List<String> OPTIONAL =
      List.of("site", "ip", "count", "ipRange", "bandwidth", "mtu", "queue", "group", "cores");

  private final Ctx ctx;
  private final Registry registry;
  private final UnderlayDefaults defaults;

  private record Draft(
      String path,
      String name,
      String group,
      String site,
      String router,
      Ipv4 ip,
      int count,
      Cidr range,
      long bandwidth,
      int mtu,
      long queue,
      int cores) {}

  HostBinder(Ctx ctx, Registry registry, UnderlayDefaults defaults) {
    this.ctx = ctx;
    this.registry = registry;
    this.defaults = defaults;
  }

  List<Host> bind(List<JsonNode> entries, String listPath) {
    List<Draft> drafts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Draft draft = draft(entries.get(i), Paths.index(listPath, i));
      if (draft != null) {
        drafts.add(draft);
      }
    }
    Map<Integer, String> taken = new HashMap<>();
    for (Draft draft : drafts) {
      if (draft.ip() != null) {
        String first = taken.putIfAbsent(draft.ip().bits(), draft.name());
        if (first != null) {
          ctx.at(
              Paths.field(draft.path(), "ip"),
              "ip " + draft.ip() + " is already the address of host '" + first + "'");
        }
      }
    }
    List<Host> hosts = new ArrayList<>();
    for (Draft draft : drafts) {
      if (draft.range() == null) {
        add(hosts, draft, draft.name(), draft.ip());
        continue;
      }
      Ipv4 next = draft.range().firstUsable();
      Ipv4 last = draft.range().lastUsable();
      for (int n = 1; n <= draft.count(); n++) {
        while (next.compareTo(last) <= 0 && taken.containsKey(next.bits())) {
          next = next.plus(1);
        }
        if (next.compareTo(last) > 0) {
          ctx.at(
              Paths.field(draft.path(), "ipRange"),
              "ipRange "
                  + draft.range()
                  + " has too few free addresses for count "
                  + draft.count()
                  + " ("
                  + (n - 1)
                  + " fit)");
          break;
        }
        taken.put(next.bits(), draft.name() + "-" + n);
        add(hosts, draft, draft.name() + "-" + n, next);
        next = next.plus(1);
      }
    }
    return hosts;
  }

  private void add(List<Host> hosts, Draft draft, String name, Ipv4 ip) {
    if (!registry.claim("node", "host", name, draft.path())) {
      return;
    }
    Host host =
        new Host(
            name,
            draft.group(),
            draft.site(),
            draft.router(),
            ip,
            draft.bandwidth(),
            draft.mtu(),
            draft.queue(),
            draft.cores());
    hosts.add(host);
    registry.hosts.put(name, host);
  }

  private Draft draft(JsonNode node, String path) {
    Obj entry = Obj.of(ctx, node, path, "host", REQUIRED, OPTIONAL);
    if (entry == null) {
      return null;
    }
    String name = entry.name("name");
    Router router =
        registry.ref(registry.routers, "router", entry.text("router"), entry.path("router"));
    String siteName = entry.text("site");
    Site site = registry.ref(registry.sites, "site", siteName, entry.path("site"));
    if (site != null && router != null && !site.name().equals(router.site())) {
      ctx.at(
          entry.path("site"),
          "host at site '"
              + site.name()
              + "' hangs off router '"
              + router.name()
              + "' at site '"
              + router.site()
              + "'");
    }
    Long count = entry.integer("count", Bounds.HOST_COUNT.min(), Bounds.HOST_COUNT.max());
    Ipv4 ip = entry.ipv4("ip");
    Cidr range = entry.cidr("ipRange");
    if (entry.has("count")) {
      if (entry.has("ip")) {
        ctx.at(entry.path("ip"), "a host with count takes ipRange, not ip");
      }
      if (!entry.has("ipRange")) {
        ctx.at(path, "missing key 'ipRange' in host (count needs an address range)");
      }
    } else {
      if (entry.has("ipRange")) {
        ctx.at(entry.path("ipRange"), "ipRange is for hosts made with count; give ip instead");
      }
      if (!entry.has("ip")) {
        ctx.at(path, "missing key 'ip' in host");
      }
    }
    long bandwidth = entry.rate("bandwidth", defaults.bandwidthBps());
    int mtu = (int) entry.integer("mtu", Bounds.MTU.min(), Bounds.MTU.max(), defaults.mtu());
    Long queue = entry.size("queue");
    if (queue != null && queue == 0) {
      ctx.at(entry.path("queue"), "must be above zero");
    }
    String group = entry.name("group");
    int cores = (int) entry.integer("cores", Bounds.HOST_CORES.min(), Bounds.HOST_CORES.max(), 1);
    if (name == null || router == null) {
      return null;
    }
    if (entry.has("count") ? (count == null || range == null) : ip == null) {
      return null;
    }
    return new Draft(
        path,
        name,
        group == null ? name : group,
        router.site(),
        router.name(),
        entry.has("count") ? null : ip,
        count == null ? 1 : count.intValue(),
        entry.has("count") ? range : null,
        bandwidth,
        mtu,
        queue == null || queue == 0 ? defaults.queueBytes() : queue,
        cores);
  }
}
