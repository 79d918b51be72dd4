package org.overlaysim.overlay.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Acl;
import org.overlaysim.scenario.AclRule;
import org.overlaysim.scenario.Scenario;

/**
 * The ACLs of every host VTEP, by host and direction ({@code acls} in the scenario). A host and
 * direction without an ACL allows everything. Several {@code acls} entries for one host and
 * direction are read as one list: their rules in file order, the first entry's default.
 */
public final class HostAcls {
  private final Map<String, AclChain> ingress = new HashMap<>();
  private final Map<String, AclChain> egress = new HashMap<>();
  private final AclChain allowIngress = AclChain.allowAll(Verdict.Side.INGRESS);
  private final AclChain allowEgress = AclChain.allowAll(Verdict.Side.EGRESS);

  public HostAcls(List<Acl> acls) {
    Map<String, List<AclRule>> rules = new HashMap<>();
    Map<String, Acl> first = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (Acl acl : acls) {
      String key = acl.direction() + "\u0000" + acl.host();
      if (first.putIfAbsent(key, acl) == null) {
        order.add(key);
      }
      rules.computeIfAbsent(key, k -> new ArrayList<>()).addAll(acl.rules());
    }
    for (String key : order) {
      Acl acl = first.get(key);
      boolean isIngress = acl.direction() == Acl.Direction.INGRESS;
      AclChain chain =
          new AclChain(
              rules.get(key),
              acl.defaultAction(),
              isIngress ? Verdict.Side.INGRESS : Verdict.Side.EGRESS);
      (isIngress ? ingress : egress).put(acl.host(), chain);
    }
  }

  public static HostAcls of(Scenario scenario) {
    return new HostAcls(scenario.acls());
  }

  /**
   * The chain a packet crosses at {@code host}'s VTEP: INGRESS for packets arriving from the
   * underlay, EGRESS for packets leaving into it. Look it up once per host, not per packet.
   */
  public AclChain chain(String host, Acl.Direction direction) {
    if (direction == Acl.Direction.INGRESS) {
      return ingress.getOrDefault(host, allowIngress);
    }
    return egress.getOrDefault(host, allowEgress);
  }
}
