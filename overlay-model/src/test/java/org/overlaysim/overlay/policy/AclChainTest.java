package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Acl;
import org.overlaysim.scenario.AclRule;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.PortRange;

class AclChainTest {
  private static final int WEB = Ipv4.parse("172.20.0.5").bits();
  private static final int DB = Ipv4.parse("172.20.9.5").bits();
  private static final int OUTSIDE = Ipv4.parse("10.9.9.9").bits();

  private static AclRule rule(
      Acl.Action action, Acl.Match protocol, String src, String dst, PortRange dstPort) {
    return new AclRule(
        action,
        protocol,
        Optional.ofNullable(src).map(Cidr::parse),
        Optional.ofNullable(dst).map(Cidr::parse),
        Optional.empty(),
        Optional.ofNullable(dstPort));
  }

  private static AclChain chain(Acl.Action defaultAction, AclRule... rules) {
    return new HostAcls(List.of(new Acl("h", Acl.Direction.INGRESS, defaultAction, List.of(rules))))
        .chain("h", Acl.Direction.INGRESS);
  }

  @Test
  void theFirstMatchingRuleWinsOverLaterOnes() {
    AclChain chain =
        chain(
            Acl.Action.ALLOW,
            rule(Acl.Action.DENY, Acl.Match.TCP, null, null, new PortRange(5432, 5432)),
            rule(Acl.Action.ALLOW, Acl.Match.TCP, "172.20.0.0/24", null, null));
    assertThat(chain.firstMatch(Transport.TCP, WEB, DB, 40000, 5432)).isZero();
    assertThat(chain.allows(Transport.TCP, WEB, DB, 40000, 5432)).isFalse();
  }

  @Test
  void aPacketNoRuleMatchesGetsTheDefaultAction() {
    AclChain chain =
        chain(Acl.Action.DENY, rule(Acl.Action.ALLOW, Acl.Match.UDP, null, null, null));
    assertThat(chain.firstMatch(Transport.TCP, WEB, DB, 40000, 80)).isEqualTo(-1);
    assertThat(chain.verdict(Transport.TCP, WEB, DB, 40000, 80).reason())
        .isEqualTo(Verdict.Reason.ACL_DENY);
    assertThat(chain.allows(Transport.UDP, WEB, DB, 40000, 80)).isTrue();
  }

  @Test
  void sourceAndDestinationPrefixesMustBothMatch() {
    AclChain chain =
        chain(
            Acl.Action.ALLOW,
            rule(Acl.Action.DENY, Acl.Match.ANY, "10.0.0.0/8", "172.20.9.0/24", null));
    assertThat(chain.allows(Transport.TCP, OUTSIDE, DB, 1, 80)).isFalse();
    assertThat(chain.allows(Transport.TCP, WEB, DB, 1, 80)).isTrue();
    assertThat(chain.allows(Transport.TCP, OUTSIDE, WEB, 1, 80)).isTrue();
  }

  @Test
  void aPortRangeMatchesItsBoundsInclusive() {
    AclChain chain =
        chain(
            Acl.Action.ALLOW,
            rule(Acl.Action.DENY, Acl.Match.UDP, null, null, new PortRange(1000, 2000)));
    assertThat(chain.allows(Transport.UDP, WEB, DB, 1, 999)).isTrue();
    assertThat(chain.allows(Transport.UDP, WEB, DB, 1, 1000)).isFalse();
    assertThat(chain.allows(Transport.UDP, WEB, DB, 1, 2000)).isFalse();
    assertThat(chain.allows(Transport.UDP, WEB, DB, 1, 2001)).isTrue();
  }

  @Test
  void anyMatchesIcmpButAPortRuleDoesNot() {
    AclChain chain =
        chain(
            Acl.Action.DENY,
            rule(Acl.Action.ALLOW, Acl.Match.ANY, null, null, new PortRange(0, 65535)));
    assertThat(chain.allows(Transport.ICMP, WEB, DB, 0, 0)).isFalse();
    AclChain any = chain(Acl.Action.DENY, rule(Acl.Action.ALLOW, Acl.Match.ANY, null, null, null));
    assertThat(any.allows(Transport.ICMP, WEB, DB, 0, 0)).isTrue();
  }

  @Test
  void aHostWithoutAnAclAllowsEverything() {
    HostAcls acls = new HostAcls(List.of());
    assertThat(acls.chain("anywhere", Acl.Direction.EGRESS).allows(Transport.TCP, WEB, DB, 1, 22))
        .isTrue();
  }

  @Test
  void anAclAppliesOnlyToItsDirection() {
    HostAcls acls =
        new HostAcls(List.of(new Acl("h", Acl.Direction.INGRESS, Acl.Action.DENY, List.of())));
    assertThat(acls.chain("h", Acl.Direction.INGRESS).allows(Transport.TCP, WEB, DB, 1, 22))
        .isFalse();
    assertThat(acls.chain("h", Acl.Direction.EGRESS).allows(Transport.TCP, WEB, DB, 1, 22))
        .isTrue();
  }
}
