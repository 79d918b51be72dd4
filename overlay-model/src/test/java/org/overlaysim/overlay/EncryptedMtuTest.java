package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * MTU boundaries, DF and fragmentation of encrypted overlays (overlay-reference.md, "Encrypted
 * overlays"), on a 1500-byte IPv4 underlay: {@code mtu: auto} as the projects set it, a DF ping
 * that fills it passes and fills the wire exactly (1500 + 38 bytes of Ethernet), one byte more is
 * refused by the sender's own stack. The expected MTUs are the header arithmetic of each system.
 */
class EncryptedMtuTest {
  /** WireGuard: outer IPv4 20 + UDP 8 + type/reserved 4 + receiver 4 + counter 8 + Poly1305 16. */
  private static final int WIREGUARD = 20 + 8 + 4 + 4 + 8 + 16;

  private static ScenarioRun ping(String encapsulation, String encryption, int size) {
    return ScenarioRun.of(
            "two-hosts.yaml",
            "overlays.net.encapsulation=" + encapsulation,
            "overlays.net.encryption=" + encryption,
            "traffic.ping.size=" + size)
        .run();
  }

  private static void boundary(String encapsulation, String encryption, int innerMtu) {
    ScenarioRun fits = ping(encapsulation, encryption, innerMtu - 28);
    MtuBoundaryTest.passes(fits);
    // The full packet fills the 1500-byte underlay: 1500 + 14 + 4 + 8 + 12 byte times.
    assertThat(fits.observer.wire.get(0)).containsOnly(1538L);
    MtuBoundaryTest.refusedLocally(ping(encapsulation, encryption, innerMtu - 27));
  }

  @Test
  void wireguardInsteadOfATunnelGivesCalicos1440() {
    // Calico's MTU docs: WireGuard 60 bytes over IPv4, 1440 on 1500; a multiple of 16, no padding.
    boundary("none", "wireguard", 1500 - WIREGUARD);
  }

  @Test
  void wireguardAroundVxlanOrGeneveLeaves1390() {
    // Cilium's tunnel mode: VXLAN (50 with the inner Ethernet) inside WireGuard.
    boundary("vxlan", "wireguard", 1500 - WIREGUARD - 50);
    boundary("geneve", "wireguard", 1500 - WIREGUARD - 50);
  }

  @Test
  void wireguardAroundIpipLeaves1420() {
    boundary("ipip", "wireguard", 1500 - WIREGUARD - 20);
  }

  @Test
  void ipsecOverVxlanGivesDockers1424() {
    // libnetwork's maxMTU: 1500 - 50 (VXLAN) - 26 (SPI 4, sequence 4, IV 8, pad length 1, next
    // header 1, ICV 8), rounded down to a multiple of 4.
    int docker = 1500 - 50 - (4 + 4 + 8 + 1 + 1 + 8);
    boundary("vxlan", "ipsec", docker - docker % 4);
    boundary("geneve", "ipsec", docker - docker % 4);
  }

  @Test
  void ipsecTransportOverIpipProtectsTheIpipPacket() {
    // 1500 - outer IPv4 20 - ESP 8 - IV 8 - trailer 2 - ICV 8 = 1454 bytes after the outer header
    // (a multiple of 4 with the trailer: no padding), of which the inner packet is 1454.
    boundary("ipip", "ipsec", 1500 - 20 - 8 - 8 - 2 - 8);
  }

  @Test
  void ipsecTunnelModeWithoutATunnelLeaves1446() {
    // A new IPv4 header 20, ESP 8, IV 8, trailer 2, ICV 16: 1446, and 1446 + 2 is a multiple of 4.
    boundary("none", "ipsec", 1500 - 20 - 8 - 8 - 2 - 16);
  }

  @Test
  void wireguardClearsTheOuterDfSoTheWanRouterFragments() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "overlays.net.encapsulation=none",
                "overlays.net.encryption=wireguard",
                "traffic.big.size=" + (1440 - 28))
            .run();
    // DF set inside, clear outside (wireguard's socket): 1500-byte outer datagrams become
    // 1396 + 124 bytes on the 1400 link, and every echo passes.
    assertThat(r.observer.samples(0)).isEqualTo(4);
    assertThat(r.observer.drops).isEmpty();
  }

  @Test
  void ipsecTunnelModeCopiesDfAndLowersTheRouteMtuAsXfrmDoes() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "overlays.net.encapsulation=none",
                "overlays.net.encryption=ipsec",
                "traffic.big.size=" + (1446 - 28),
                "traffic.fitted.size=" + (1346 - 28))
            .run();
    // 1st echo: the outer DF copied from the inner, the WAN router answers ICMP 1400; then the
    // host's route MTU is what ESP leaves of 1400, ((1400 - 36 - 16) & ~3) - 2 = 1346
    // (esp4_get_mtu), answered to the container; the last two are refused by its own stack.
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsExactly("ra->rb", "ha/vtep", "a", "a");
    assertThat(r.network.pathMtu("a", "b")).isEqualTo(((1400 - 36 - 16) & ~3) - 2);
    assertThat(r.observer.samples(1)).isEqualTo(3);
  }

  @Test
  void dockersEncryptedOverlayBlackHolesAContainerMtuOf1500() {
    ScenarioRun r =
        ScenarioRun.of(
                "two-hosts.yaml",
                "overlays.net.encryption=ipsec",
                "containers.a.mtu=1500",
                "traffic.ping.size=1472")
            .run();
    // The bridge drops 1500-byte frames for the 1424-byte vxlan port without a word.
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsOnly("h1/bridge");
    assertThat(r.observer.wire).isEmpty();
  }
}
