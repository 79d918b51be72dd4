package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void ipv4PrintsAsParsed() {
    assertThat(Ipv4.parse("172.20.9.5").toString()).isEqualTo("172.20.9.5");
    assertThat(Ipv4.parse("255.255.255.255").unsigned()).isEqualTo(0xFFFF_FFFFL);
  }

  @Test
  void ipv4RoundTripsThroughItsIntForm() {
    assertThat(Ipv4.format(Ipv4.parse("192.168.255.1").bits())).isEqualTo("192.168.255.1");
    assertThatThrownBy(() -> Ipv4.parse("10.0.0.256")).hasMessageContaining("10.0.0.256");
    assertThatThrownBy(() -> Ipv4.parse("+1.+2.+3.+4")).hasMessageContaining("not an IPv4");
  }

  @Test
  void ipv4WithLeadingZerosIsRefusedAsAmbiguous() {
    assertThatThrownBy(() -> Ipv4.parse("10.0.0.010")).hasMessageContaining("leading zeros");
  }

  @Test
  void cidrWithHostBitsSuggestsTheNetwork() {
    assertThatThrownBy(() -> Cidr.parse("10.1.2.3/16"))
        .hasMessageContaining("did you mean 10.1.0.0/16");
  }

  @Test
  void cidrUsableRangeExcludesNetworkAndBroadcast() {
    Cidr cidr = Cidr.parse("10.0.0.0/29");
    assertThat(cidr.firstUsable().toString()).isEqualTo("10.0.0.1");
    assertThat(cidr.lastUsable().toString()).isEqualTo("10.0.0.6");
    assertThat(cidr.usableCount()).isEqualTo(6);
  }

  @Test
  void nestedPrefixesOverlapAndDisjointOnesDoNot() {
    assertThat(Cidr.parse("10.0.0.0/8").overlaps(Cidr.parse("10.1.0.0/16"))).isTrue();
    assertThat(Cidr.parse("10.1.0.0/16").overlaps(Cidr.parse("10.2.0.0/16"))).isFalse();
  }

  @Test
  void dockerStyleMacCarriesTheIpv4Bytes() {
    assertThat(MacAddress.dockerStyle(Ipv4.parse("10.0.0.2")).toString())
        .isEqualTo("02:42:0a:00:00:02");
  }

  @Test
  void macParsesAndPrints() {
    assertThat(MacAddress.parse("AA:bb:00:11:22:33").toString()).isEqualTo("aa:bb:00:11:22:33");
    assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
  }

  @Test
  void runSeedsDifferPerPointAndReplicationAndAreStable() {
    assertThat(RunSeeds.seed(42, 0, 0)).isNotEqualTo(RunSeeds.seed(42, 0, 1));
    assertThat(RunSeeds.seed(42, 0, 0)).isNotEqualTo(RunSeeds.seed(42, 1, 0));
    assertThat(RunSeeds.seed(42, 0, 1)).isNotEqualTo(RunSeeds.seed(42, 1, 0));
    assertThat(RunSeeds.seed(42, 3, 2)).isEqualTo(RunSeeds.seed(42, 3, 2));
  }
}
