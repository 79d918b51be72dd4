package org.overlaysim.overlay.policy;

import java.util.List;
import org.overlaysim.scenario.Acl;
import org.overlaysim.scenario.AclRule;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.PortRange;

/**
 * The compiled ACL of one host VTEP and direction: stateless (replies are checked like any other
 * packet), ordered, the first matching rule decides, else the default action. Rules match the inner
 * (container) packet. A rule naming ports only matches packets that have ports (TCP, UDP, SCTP), as
 * iptables' {@code --dport} needs a protocol with ports.
 */
public final class AclChain {
  private static final int ANY = -1;

  private final int[] protocols;
  private final int[] srcNetworks;
  private final int[] srcMasks;
  private final int[] dstNetworks;
  private final int[] dstMasks;
  private final int[] srcPortFirst;
  private final int[] srcPortLast;
  private final int[] dstPortFirst;
  private final int[] dstPortLast;
  private final boolean[] ruleAllows;
  private final boolean defaultAllows;
  private final Verdict allow;
  private final Verdict deny;

  AclChain(List<AclRule> rules, Acl.Action defaultAction, Verdict.Side side) {
    int n = rules.size();
    protocols = new int[n];
    srcNetworks = new int[n];
    srcMasks = new int[n];
    dstNetworks = new int[n];
    dstMasks = new int[n];
    srcPortFirst = new int[n];
    srcPortLast = new int[n];
    dstPortFirst = new int[n];
    dstPortLast = new int[n];
    ruleAllows = new boolean[n];
    for (int i = 0; i < n; i++) {
      AclRule rule = rules.get(i);
      protocols[i] =
          switch (rule.protocol()) {
            case ANY -> ANY;
            case TCP -> Transport.TCP;
            case UDP -> Transport.UDP;
            case ICMP -> Transport.ICMP;
          };
      Cidr src = rule.src().orElse(null);
      srcNetworks[i] = src == null ? 0 : src.network().bits();
      srcMasks[i] = src == null ? 0 : PeerMatch.mask(src.prefixLength());
      Cidr dst = rule.dst().orElse(null);
      dstNetworks[i] = dst == null ? 0 : dst.network().bits();
      dstMasks[i] = dst == null ? 0 : PeerMatch.mask(dst.prefixLength());
      PortRange srcPort = rule.srcPort().orElse(null);
      srcPortFirst[i] = srcPort == null ? ANY : srcPort.first();
      srcPortLast[i] = srcPort == null ? ANY : srcPort.last();
      PortRange dstPort = rule.dstPort().orElse(null);
      dstPortFirst[i] = dstPort == null ? ANY : dstPort.first();
      dstPortLast[i] = dstPort == null ? ANY : dstPort.last();
      ruleAllows[i] = rule.action() == Acl.Action.ALLOW;
    }
    defaultAllows = defaultAction == Acl.Action.ALLOW;
    allow = Verdict.of(Verdict.Reason.ACL_ALLOW, side);
    deny = Verdict.of(Verdict.Reason.ACL_DENY, side);
  }

  /** A chain with no rules and a default allow: what a host without an ACL does. */
  static AclChain allowAll(Verdict.Side side) {
    return new AclChain(List.of(), Acl.Action.ALLOW, side);
  }

  /**
   * The index of the first rule matching the packet, or -1 when none does (the default applies).
   * {@code protocol} is a {@link Transport} number; ports are ignored for ICMP.
   */
  public int firstMatch(int protocol, int srcIp, int dstIp, int srcPort, int dstPort) {
    boolean hasPorts = Transport.hasPorts(protocol);
    for (int i = 0; i < protocols.length; i++) {
      if (protocols[i] != ANY && protocols[i] != protocol) {
        continue;
      }
      if ((srcIp & srcMasks[i]) != srcNetworks[i] || (dstIp & dstMasks[i]) != dstNetworks[i]) {
        continue;
      }
      if (srcPortFirst[i] != ANY
          && (!hasPorts || srcPort < srcPortFirst[i] || srcPort > srcPortLast[i])) {
        continue;
      }
      if (dstPortFirst[i] != ANY
          && (!hasPorts || dstPort < dstPortFirst[i] || dstPort > dstPortLast[i])) {
        continue;
      }
      return i;
    }
    return -1;
  }

  public boolean allows(int protocol, int srcIp, int dstIp, int srcPort, int dstPort) {
    int rule = firstMatch(protocol, srcIp, dstIp, srcPort, dstPort);
    return rule < 0 ? defaultAllows : ruleAllows[rule];
  }

  /** {@code acl-allow} or {@code acl-deny}, interned. */
  public Verdict verdict(int protocol, int srcIp, int dstIp, int srcPort, int dstPort) {
    return allows(protocol, srcIp, dstIp, srcPort, dstPort) ? allow : deny;
  }

  public int ruleCount() {
    return protocols.length;
  }
}
