package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  @Test
  void linkNameIsBothEndsAndParallelLinksAreNumbered() throws Exception {
    String text =
        Yaml.minimal()
            .replace(
                "    - {a: r1, b: r2}\n",
                "    - {a: r1, b: r2}\n    - {a: r1, b: r2, mtu: 1400}\n    - {a: r1, b: r2, name: backup}\n");
    List<LinkSpec> links = Yaml.scenario(text).underlay().links();
    assertThat(links).extracting(LinkSpec::name).containsExactly("r1--r2", "r1--r2#2", "backup");
  }

  @Test
  void linksTakeTheUnderlayDefaultsUnlessOverridden() throws Exception {
    String text =
        Yaml.minimal()
            .replace(
                "    - {a: r1, b: r2}\n", "    - {a: r1, b: r2, bandwidth: 1Gbps, delay: 20ms}\n");
    LinkSpec link = Yaml.scenario(text).underlay().links().get(0);
    assertThat(link.bandwidthBps()).isEqualTo(1_000_000_000L);
    assertThat(link.delayNs()).hasValue(20_000_000L);
    assertThat(link.mtu()).isEqualTo(1500);
    assertThat(link.queueBytes()).isEqualTo(1 << 20);
    assertThat(link.fiberSpeedMps()).isEqualTo(UnderlayDefaults.DEFAULT_FIBER_SPEED_MPS);
  }

  @Test
  void linkWithoutDelayDerivesItFromGeography() throws Exception {
    assertThat(Yaml.scenario(Yaml.minimal()).underlay().links().get(0).delayNs()).isEmpty();
  }

  @Test
  void autoMtuSubtractsTheEncapsulationOverheadFromTheUnderlayMtu() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + """
            overlays:
              - {name: a, vni: 1, subnet: 172.20.0.0/24, encapsulation: vxlan, mtu: auto}
              - {name: b, vni: 2, subnet: 172.21.0.0/24, encapsulation: geneve}
              - {name: c, subnet: 172.22.0.0/24, encapsulation: ipip}
              - {name: d, subnet: 172.23.0.0/24, encapsulation: none}
            containers:
              - {name: c1, host: h1, overlay: a}
            """;
    assertThat(Yaml.scenario(text).overlays())
        .extracting(Overlay::mtu)
        .containsExactly(1450, 1450, 1480, 1500);
  }

  @Test
  void udpPortDefaultsToIanaPortPerEncapsulation() throws Exception {
    String text =
        Yaml.minimal()
            .replace(
                "  - {name: o, vni: 10, subnet: 172.20.0.0/24}\n",
                "  - {name: o, vni: 10, subnet: 172.20.0.0/24}\n  - {name: g, vni: 11, subnet: 172.21.0.0/24, encapsulation: geneve}\n");
    assertThat(Yaml.scenario(text).overlays())
        .extracting(Overlay::udpPort)
        .containsExactly(4789, 6081);
  }

  @Test
  void containerAddressesSkipTheGatewayAndExplicitAddressesAreReservedFirst() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + Yaml.OVERLAYS
            + """
            containers:
              - {name: c1, host: h1, overlay: o}
              - {name: c2, host: h2, overlay: o}
              - {name: c3, host: h2, overlay: o, ip: 172.20.0.3}
            """;
    assertThat(Yaml.scenario(text).containers())
        .extracting(c -> c.ip().toString())
        .containsExactly("172.20.0.2", "172.20.0.4", "172.20.0.3");
  }

  @Test
  void containerMacIsDockerStyleFromItsAddress() throws Exception {
    Container c1 = Yaml.scenario(Yaml.minimal()).containers().get(0);
    assertThat(c1.mac().toString()).isEqualTo("02:42:ac:14:00:02");
  }

  @Test
  void containerMtuDefaultsToTheOverlayMtu() throws Exception {
    assertThat(Yaml.scenario(Yaml.minimal()).containers().get(0).mtu()).isEqualTo(1450);
  }

  @Test
  void hostsWithCountAreNamedOneToNWithAddressesFromTheRange() throws Exception {
    String text =
        Yaml.HEAD
            + """
            hosts:
              - {name: w, router: r2, count: 3, ipRange: 10.2.1.0/24}
            """
            + Yaml.OVERLAYS
            + "containers:\n  - {name: c1, host: w-1, overlay: o}\n";
    Scenario s = Yaml.scenario(text);
    assertThat(s.hosts()).extracting(Host::name).containsExactly("w-1", "w-2", "w-3");
    assertThat(s.hosts())
        .extracting(h -> h.ip().toString())
        .containsExactly("10.2.1.1", "10.2.1.2", "10.2.1.3");
    assertThat(s.hosts()).extracting(Host::site).containsOnly("s2");
    assertThat(s.hosts()).extracting(Host::group).containsOnly("w");
  }

  @Test
  void containersWithCountSpreadRoundRobinOverHostsInNaturalNameOrder() throws Exception {
    String text =
        Yaml.HEAD
            + """
            hosts:
              - {name: w, router: r2, count: 10, ipRange: 10.2.1.0/24}
            """
            + Yaml.OVERLAYS
            + "containers:\n  - {name: web, host: 'w-1*', overlay: o, count: 3, labels: {app: web}}\n";
    Scenario s = Yaml.scenario(text);
    assertThat(s.containers())
        .extracting(Container::name)
        .containsExactly("web-1", "web-2", "web-3");
    assertThat(s.containers()).extracting(Container::host).containsExactly("w-1", "w-10", "w-1");
    assertThat(s.containers()).extracting(Container::group).containsOnly("web");
  }

  @Test
  void trafficMayNameAGroupOfContainers() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + Yaml.OVERLAYS
            + """
            containers:
              - {name: web, host: 'h*', overlay: o, count: 4}
              - {name: db, host: h1, overlay: o}
            traffic:
              - {kind: request-response, from: web, to: db, requestSize: 100, responseSize: 1KiB, rate: 10/s}
            """;
    RequestResponseTraffic flow = (RequestResponseTraffic) Yaml.scenario(text).traffic().get(0);
    assertThat(flow.from().containers()).containsExactly("web-1", "web-2", "web-3", "web-4");
    assertThat(flow.ratePerSecond()).isEqualTo(10.0);
  }

  @Test
  void requestRateClosedMeansEachClientWaitsForItsResponse() throws Exception {
    String text =
        Yaml.minimal()
            + """
            traffic:
              - {kind: request-response, from: c1, to: c2, requestSize: 100, responseSize: 1KiB, rate: closed}
            """;
    RequestResponseTraffic flow = (RequestResponseTraffic) Yaml.scenario(text).traffic().get(0);
    assertThat(flow.closedLoop()).isTrue();
    assertThat(flow.ratePerSecond()).isZero();
  }

  @Test
  void trafficNameDefaultsToKindAndIndex() throws Exception {
    String text =
        Yaml.minimal()
            + """
            traffic:
              - {kind: ping, from: c1, to: c2}
              - {kind: udp, from: c1, to: c2, rate: 1Mbps, name: video}
              - {kind: tcp, from: c2, to: c1}
            """;
    assertThat(Yaml.scenario(text).traffic())
        .extracting(TrafficSpec::name)
        .containsExactly("ping-0", "video", "tcp-2");
  }

  @Test
  void trafficDefaultsFollowLinuxTools() throws Exception {
    String text = Yaml.minimal() + "traffic:\n  - {kind: ping, from: c1, to: c2}\n";
    PingTraffic ping = (PingTraffic) Yaml.scenario(text).traffic().get(0);
    assertThat(ping.intervalNs()).isEqualTo(1_000_000_000L);
    assertThat(ping.size()).isEqualTo(56);
    assertThat(ping.df()).isFalse();
    assertThat(ping.stopNs()).isEqualTo(10_000_000_000L);
  }

  @Test
  void everyNamespaceCarriesItsNameLabelAndDefaultExists() throws Exception {
    String text = Yaml.minimal() + "namespaces:\n  - {name: data, labels: {team: data}}\n";
    assertThat(Yaml.scenario(text).namespaces())
        .containsExactly(
            new Namespace("default", java.util.Map.of(Namespace.NAME_LABEL, "default")),
            new Namespace("data", java.util.Map.of("team", "data", Namespace.NAME_LABEL, "data")));
  }

  @Test
  void absentPolicyTypesDefaultAsTheApiServerDoes() throws Exception {
    String text =
        Yaml.minimal()
            + """
            policies:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  podSelector: {}
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]
            """;
    NetworkPolicy policy = Yaml.scenario(text).policies().get(0);
    assertThat(policy.policyTypes()).containsExactly(PolicyType.Ingress, PolicyType.Egress);
    assertThat(policy.namespace()).isEqualTo("default");
    assertThat(policy.podSelector().isEmpty()).isTrue();
    IpBlock block = policy.egress().get(0).peers().get(0).ipBlock().orElseThrow();
    assertThat(block.contains(Ipv4.parse("10.2.0.1"))).isTrue();
    assertThat(block.contains(Ipv4.parse("10.1.0.1"))).isFalse();
  }

  @Test
  void anEmptyPolicyTypesListDefaultsLikeAnAbsentOne() throws Exception {
    // Kubernetes' SetDefaults_NetworkPolicy: "if len(obj.Spec.PolicyTypes) == 0" -> Ingress, plus
    // Egress when egress rules exist. [] written out is not "isolate nothing".
    String text =
        Yaml.minimal()
            + """
            policies:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  podSelector: {}
                  policyTypes: []
                  ingress: [{from: [{podSelector: {}}]}]
            """;
    assertThat(Yaml.scenario(text).policies().get(0).policyTypes())
        .containsExactly(PolicyType.Ingress);
  }

  @Test
  void sweepGivesTheCartesianProductWithTheFirstKeySlowest() throws Exception {
    ScenarioSet set = ScenarioLoader.load(java.nio.file.Path.of("examples/encapsulations.yaml"));
    assertThat(set.runs()).hasSize(4 * 3 * 2);
    Run last = set.runs().get(23);
    assertThat(last.id()).isEqualTo("encapsulations-p23-r0");
    assertThat(last.sweepValues())
        .containsExactly(
            java.util.Map.entry("overlays.frontend.encapsulation", "none"),
            java.util.Map.entry("overlays.frontend.encryption", "ipsec"),
            java.util.Map.entry("underlay.defaults.mtu", "9000"));
    Overlay overlay = last.scenario().overlays().get(0);
    assertThat(overlay.encapsulation()).isEqualTo(Encapsulation.NONE);
    // ESP tunnel mode on 9000 (esp4_get_mtu): ((9000 - 20 - 8 - 8 - 16) & ~3) - 2.
    assertThat(overlay.mtu()).isEqualTo(((9000 - 20 - 8 - 8 - 16) & ~3) - 2);
    // Point 4: vxlan, ipsec, 1500: Docker's 1500 - 50 - 26.
    assertThat(set.runs().get(4).scenario().overlays().get(0).mtu()).isEqualTo(1500 - 50 - 26);
  }

  @Test
  void replicationsMultiplyRunsAndEachRunHasItsOwnSeed() throws Exception {
    ScenarioSet set = Yaml.load(Yaml.minimal().replace("seed: 1\n", "seed: 1\nreplications: 3\n"));
    assertThat(set.runs()).extracting(Run::id).containsExactly("t-p0-r0", "t-p0-r1", "t-p0-r2");
    assertThat(set.runs()).extracting(Run::seed).doesNotHaveDuplicates();
    assertThat(set.runs().get(1).seed()).isEqualTo(RunSeeds.seed(1, 0, 1));
  }

  @Test
  void setOverrideChangesAValueBeforeValidation() throws Exception {
    ScenarioSet set =
        Yaml.load(Yaml.minimal(), "underlay.defaults.mtu=9000", "overlays.o.encapsulation=geneve");
    assertThat(set.base().underlay().defaults().mtu()).isEqualTo(9000);
    assertThat(set.base().overlays().get(0).encapsulation()).isEqualTo(Encapsulation.GENEVE);
    assertThat(set.base().overlays().get(0).mtu()).isEqualTo(8950);
  }

  @Test
  void setOverrideWithIndexSyntaxReachesListElements() throws Exception {
    ScenarioSet set = Yaml.load(Yaml.minimal(), "containers[1].mtu=1400");
    assertThat(set.base().containers().get(1).mtu()).isEqualTo(1400);
  }

  @Test
  void badSetOverrideIsReportedAgainstTheOverride() {
    List<Problem> problems = Yaml.problems(Yaml.minimal(), "overlays.missing.mtu=1400");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("--set");
              assertThat(p.message()).contains("no overlays entry named 'missing'");
            });
  }

  @Test
  void sweepValueThatBreaksOnePointIsReportedWithThatPoint() {
    String text =
        Yaml.minimal()
            + """
            sweep:
              underlay.defaults.mtu: [1500, 20]
            """;
    List<Problem> problems = Yaml.problems(text);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(23);
              assertThat(p.message()).contains("sweep point 1").contains("outside 68..65535");
            });
  }

  @Test
  void yamlAnchorsAndMergeKeysAreExpanded() throws Exception {
    String text =
        Yaml.HEAD
            + """
            hosts:
              - &base {name: h1, router: r1, ip: 10.0.0.1, bandwidth: 1Gbps}
              - {<<: *base, name: h2, ip: 10.0.0.2}
            """
            + Yaml.OVERLAYS
            + Yaml.CONTAINERS;
    assertThat(Yaml.scenario(text).hosts())
        .extracting(Host::bandwidthBps)
        .containsOnly(1_000_000_000L);
  }

  @Test
  void summaryCountsWhatTheValidateCommandPrints() throws Exception {
    Summary summary = Yaml.load(Yaml.minimal()).summary();
    assertThat(summary.toString())
        .isEqualTo("2 sites, 2 hosts, 2 containers, 1 overlay, 0 policies, 0 flows, 1 run");
  }

  // Issue 20, difference 8: mtu: auto from the members' own host MTU, and Geneve's options.

  @Test
  void autoMtuTakesTheSmallestMemberHostsOwnMtu() throws Exception {
    String text =
        Yaml.HEAD
            + """
            hosts:
              - {name: h1, router: r1, ip: 10.0.0.1, mtu: 9000}
              - {name: h2, router: r2, ip: 10.0.0.2, mtu: 1400}
              - {name: h3, router: r2, ip: 10.0.0.3, mtu: 1200}
            overlays:
              - {name: jumbo, vni: 1, subnet: 172.20.0.0/24, mtu: auto}
              - {name: mixed, vni: 2, subnet: 172.21.0.0/24}
              - {name: empty, vni: 3, subnet: 172.22.0.0/24}
            containers:
              - {name: j, host: h1, overlay: jumbo}
              - {name: m, host: "h*", overlay: mixed, count: 2}
            """;
    Scenario scenario = Yaml.scenario(text);
    // jumbo lives on h1 only (9000); mixed's two containers go to h1 and h2 (the pattern's
    // first two hosts by name): the smaller, 1400, decides; an overlay without members takes
    // the underlay's 1500. A container's MTU defaults to its overlay's.
    assertThat(scenario.overlays()).extracting(Overlay::mtu).containsExactly(8950, 1350, 1450);
    assertThat(scenario.containers()).extracting(Container::mtu).containsExactly(8950, 1350, 1350);
  }

  @Test
  void geneveOptionsAddToTheOverheadAndToAutoMtuAsOvnsEightBytes() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + """
            overlays:
              - {name: ovn, vni: 1, subnet: 172.20.0.0/24, encapsulation: geneve, optionsBytes: 8}
              - {name: plain, vni: 2, subnet: 172.21.0.0/24, encapsulation: geneve}
            containers:
              - {name: c1, host: h1, overlay: ovn}
            """;
    Scenario scenario = Yaml.scenario(text);
    assertThat(scenario.overlays()).extracting(Overlay::optionsBytes).containsExactly(8, 0);
    assertThat(scenario.overlays()).extracting(Overlay::overheadBytes).containsExactly(58, 50);
    assertThat(scenario.overlays()).extracting(Overlay::mtu).containsExactly(1442, 1450);
  }

  @Test
  void optionsBytesAreGenevesOnlyAndComeInWords() throws Exception {
    String vxlan =
        Yaml.HEAD
            + Yaml.HOSTS
            + """
            overlays:
              - {name: o, vni: 1, subnet: 172.20.0.0/24, encapsulation: vxlan, optionsBytes: 8}
            containers:
              - {name: c1, host: h1, overlay: o}
            """;
    assertThat(Yaml.problems(vxlan).toString()).contains("only geneve carries options");
    String odd = vxlan.replace("vxlan, optionsBytes: 8", "geneve, optionsBytes: 6");
    assertThat(Yaml.problems(odd).toString()).contains("multiple of 4");
    String big = vxlan.replace("vxlan, optionsBytes: 8", "geneve, optionsBytes: 256");
    assertThat(Yaml.problems(big)).isNotEmpty();
  }

  @Test
  void encryptionLowersAutoMtuAsCalicoAndDockerSetIt() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + """
            overlays:
              - {name: calico, subnet: 172.20.0.0/24, encapsulation: none, encryption: wireguard}
              - {name: cilium, vni: 2, subnet: 172.21.0.0/24, encryption: wireguard}
              - {name: docker, vni: 3, subnet: 172.22.0.0/24, encryption: ipsec}
              - {name: esp, subnet: 172.23.0.0/24, encapsulation: none, encryption: ipsec}
              - {name: plain, vni: 5, subnet: 172.24.0.0/24}
            containers:
              - {name: c1, host: h1, overlay: plain}
            """;
    Scenario scenario = Yaml.scenario(text);
    assertThat(scenario.overlays())
        .extracting(Overlay::encryption)
        .containsExactly(
            Encryption.WIREGUARD,
            Encryption.WIREGUARD,
            Encryption.IPSEC,
            Encryption.IPSEC,
            Encryption.NONE);
    // Calico: 1500 - 60 = 1440 (its MTU docs). WireGuard around VXLAN: 1500 - 60 - 50.
    // Docker (libnetwork maxMTU): 1500 - 50 = 1450, - 26 (ESP with an 8-byte ICV) = 1424, rounded
    // down to a multiple of 4. ESP tunnel mode with a 16-byte ICV, Linux's esp4_get_mtu:
    // ((1500 - 36 - 16) & ~3) - 2 = 1446.
    assertThat(scenario.overlays())
        .extracting(Overlay::mtu)
        .containsExactly(1440, 1390, (1450 - 26) / 4 * 4, 1446, 1450);
  }

  @Test
  void anUnknownEncryptionIsOneProblemAtItsLine() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + """
            overlays:
              - {name: o, vni: 1, subnet: 172.20.0.0/24, encryption: wiregaurd}
            containers:
              - {name: c1, host: h1, overlay: o}
            """;
    List<Problem> problems = Yaml.problems(text);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("overlays[0].encryption");
    assertThat(problems.get(0).line()).isEqualTo(text.split("\n").length - 2);
    assertThat(problems.get(0).message()).contains("wireguard");
  }

  @Test
  void encryptionIsASweepAndSetKey() throws Exception {
    String text =
        Yaml.HEAD
            + Yaml.HOSTS
            + """
            overlays:
              - {name: o, vni: 1, subnet: 172.20.0.0/24}
            containers:
              - {name: c1, host: h1, overlay: o}
            """;
    Scenario set = Yaml.load(text, "overlays.o.encryption=ipsec").base();
    assertThat(set.overlays().get(0).encryption()).isEqualTo(Encryption.IPSEC);
    List<Run> runs =
        Yaml.load(text + "sweep:\n  overlays.o.encryption: [none, wireguard]\n").runs();
    assertThat(runs)
        .extracting(r -> r.scenario().overlays().get(0).encryption())
        .containsExactly(Encryption.NONE, Encryption.WIREGUARD);
    assertThat(Yaml.problems(text, "overlays.o.encryption=aes").get(0).toString())
        .contains("overlays.o.encryption");
  }

  @Test
  void cryptoRateDefaultsByCipherAndIsIgnoredWithoutEncryption() throws Exception {
    String text =
        Yaml.HEAD
            + """
            hosts:
              - {name: h1, router: r1, ip: 10.0.0.1, cores: 8}
              - {name: h2, router: r2, ip: 10.0.0.2}
            overlays:
              - {name: wg, subnet: 172.20.0.0/24, encapsulation: none, encryption: wireguard}
              - {name: esp, vni: 2, subnet: 172.21.0.0/24, encryption: ipsec, cryptoRate: 10Gbps}
              - {name: plain, vni: 3, subnet: 172.22.0.0/24}
            containers:
              - {name: c1, host: h1, overlay: plain}
            """;
    Scenario scenario = Yaml.scenario(text);
    assertThat(scenario.hosts()).extracting(Host::cores).containsExactly(8, 1);
    // Netgate's single-core WireGuard figure, 1.52 Gbit/s; the given 10 Gbit/s; none for plain.
    assertThat(scenario.overlays())
        .extracting(Overlay::cryptoRateBps)
        .containsExactly(1_520_000_000L, 10_000_000_000L, 0L);
    // As vni for ipip: a sweep of encryption over [none, wireguard] keeps one cryptoRate.
    String unencrypted =
        text.replace("subnet: 172.22.0.0/24}", "subnet: 172.22.0.0/24, cryptoRate: 1Gbps}");
    assertThat(Yaml.scenario(unencrypted).overlays().get(2).cryptoRateBps()).isZero();
    assertThat(Yaml.problems(text.replace("cores: 8", "cores: 0")).toString())
        .contains("hosts[0].cores");
  }
}
