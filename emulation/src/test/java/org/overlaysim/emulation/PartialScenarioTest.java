package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Encryption;
import org.overlaysim.scenario.Scenario;

/** What a kernel without geneve and ipip builds of a scenario with all four encapsulations. */
class PartialScenarioTest {
  private static Scenario four() {
    return KernelTools.run("four-encapsulations.yaml").scenario();
  }

  @Test
  void overlaysOfMissingDeviceTypesAreLeftOutWithTheirContainersAndFlows() {
    PartialScenario partial =
        PartialScenario.of(four(), EnumSet.of(Encapsulation.GENEVE, Encapsulation.IPIP), Set.of());

    assertThat(partial.skippedOverlays().values())
        .containsExactly(
            "geneve overlay 'green' not emulated: kernel lacks CONFIG_GENEVE",
            "ipip overlay 'red' not emulated: kernel lacks CONFIG_NET_IPIP");
    assertThat(partial.emulated().overlays())
        .extracting(o -> o.name())
        .containsExactly("blue", "plain");
    assertThat(partial.skippedContainers()).containsExactly("green-w", "green-e", "red-w", "red-e");
    assertThat(partial.skippedFlows()).containsExactly("green-ping", "red-ping");
    // The probe stays: its pairs are drawn from the whole scenario, as the simulator draws them.
    assertThat(partial.emulated().traffic())
        .extracting(t -> t.name())
        .containsExactly("blue-ping", "plain-ping", "matrix");
    assertThat(partial.notes())
        .containsEntry("skipped_containers", "green-w green-e red-w red-e")
        .containsEntry("skipped_flows", "green-ping red-ping")
        .containsKey("skipped_overlay.green");
  }

  @Test
  void aKernelWithEveryDeviceTypeBuildsTheWholeScenario() {
    Scenario scenario = four();
    PartialScenario partial = PartialScenario.of(scenario, Set.of(), Set.of());

    assertThat(partial.partial()).isFalse();
    assertThat(partial.emulated()).isSameAs(scenario);
    assertThat(partial.notes()).isEmpty();
  }

  @Test
  void encryptedOverlaysAreLeftOutSayingWhetherTheKernelLacksTheCipher() {
    Scenario scenario = KernelTools.run("encrypted-overlays.yaml").scenario();

    PartialScenario lacking =
        PartialScenario.of(scenario, Set.of(), EnumSet.of(Encryption.WIREGUARD, Encryption.IPSEC));
    assertThat(lacking.skippedOverlays().values())
        .containsExactly(
            "wireguard-encrypted none overlay 'calico' not emulated: kernel lacks CONFIG_WIREGUARD",
            "ipsec-encrypted vxlan overlay 'docker' not emulated: kernel lacks AES-GCM for xfrm"
                + " (rfc4106(gcm(aes)): CONFIG_INET_ESP, CONFIG_CRYPTO_GCM)");
    assertThat(lacking.emulated().overlays()).extracting(o -> o.name()).containsExactly("blue");
    assertThat(lacking.skippedFlows()).containsExactly("calico-ping", "docker-ping");

    PartialScenario having = PartialScenario.of(scenario, Set.of(), Set.of());
    assertThat(having.skippedOverlays().get("calico"))
        .endsWith("not emulated: the emulator builds no wireguard yet");
    assertThat(having.notes()).containsKeys("skipped_overlay.calico", "skipped_overlay.docker");
  }
}
