package org.overlaysim.overlay.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.LabelSelector;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.PolicyPeer;
import org.overlaysim.scenario.PolicyPort;
import org.overlaysim.scenario.PolicyRule;
import org.overlaysim.scenario.PolicyType;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Scenario;

/**
 * Kubernetes networking.k8s.io/v1 NetworkPolicy evaluation for the containers of one scenario, as
 * the Kubernetes documentation ("Network Policies") defines it: a pod is isolated for a direction
 * once a policy selecting it has that direction in its policyTypes; policies only allow and add up;
 * a connection needs egress allowed at the source and ingress allowed at the destination.
 *
 * <p>Containers are addressed by their index in {@link Scenario#containers()}. Built once: every
 * selector is evaluated per pod class (distinct namespace and labels, see {@link PodClasses}), and
 * each class keeps the ids of the policies selecting it per direction, so a packet visits only
 * those policies' rules. Peer selectors are compiled to sets of classes. Verdicts are memoised in
 * two bounded direct-mapped caches (one per direction); the memory per container is three ints.
 *
 * <p>Not thread-safe (the caches): one engine per run, like the simulator it serves.
 */
public final class PolicyEngine {
  public static final int DEFAULT_CACHE_ENTRIES = 1 << 16;

  private static final int NOT_ISOLATED_INGRESS = 0;
  private static final int NOT_ISOLATED_EGRESS = 1;
  private static final int DENY_INGRESS = 2;
  private static final int DENY_EGRESS = 3;
  private static final int FIRST_POLICY_VERDICT = 4;
  private static final int[] NONE = new int[0];
  private static final Verdict NOT_ISOLATED_CONNECTION =
      Verdict.of(Verdict.Reason.NOT_ISOLATED, Verdict.Side.NONE);

  private final ContainerDirectory containers;
  private final PodClasses pods;
  private final boolean ipBlockMatchesPods;
  private final List<String> policyNames = new ArrayList<>();
  private final CompiledRule[][] ingressRules;
  private final CompiledRule[][] egressRules;
  private final int[][] ingressPoliciesOfClass;
  private final int[][] egressPoliciesOfClass;
  private final Verdict[] verdicts;
  private final Verdict[][] allowedAtBothEnds;
  private final VerdictCache ingressCache;
  private final VerdictCache egressCache;

  private record PeerKey(
      Optional<LabelSelector> pods, Optional<LabelSelector> namespaces, String ownNamespace) {}

  public PolicyEngine(Scenario scenario) {
    this(scenario, scenario.policies(), DEFAULT_CACHE_ENTRIES);
  }

  /** {@code cacheEntries}: a power of two per direction; 1 in effect disables memoising. */
  public PolicyEngine(Scenario scenario, int cacheEntries) {
    this(scenario, scenario.policies(), cacheEntries);
  }

  /** The engine of {@code policies}, those of {@code scenario} in force (scenario events). */
  public PolicyEngine(Scenario scenario, List<NetworkPolicy> policies, int cacheEntries) {
    containers = new ContainerDirectory(scenario.containers());
    pods = new PodClasses(scenario);
    ipBlockMatchesPods = scenario.ipBlockMatchesPods();
    int policyCount = policies.size();
    ingressRules = new CompiledRule[policyCount][];
    egressRules = new CompiledRule[policyCount][];
    verdicts = new Verdict[FIRST_POLICY_VERDICT + 2 * policyCount];
    verdicts[NOT_ISOLATED_INGRESS] = Verdict.of(Verdict.Reason.NOT_ISOLATED, Verdict.Side.INGRESS);
    verdicts[NOT_ISOLATED_EGRESS] = Verdict.of(Verdict.Reason.NOT_ISOLATED, Verdict.Side.EGRESS);
    verdicts[DENY_INGRESS] = Verdict.of(Verdict.Reason.POLICY_DENY, Verdict.Side.INGRESS);
    verdicts[DENY_EGRESS] = Verdict.of(Verdict.Reason.POLICY_DENY, Verdict.Side.EGRESS);
    allowedAtBothEnds = new Verdict[policyCount][];
    List<List<Integer>> ingressOfClass = new ArrayList<>();
    List<List<Integer>> egressOfClass = new ArrayList<>();
    for (int c = 0; c < pods.classCount(); c++) {
      ingressOfClass.add(new ArrayList<>());
      egressOfClass.add(new ArrayList<>());
    }
    Map<PeerKey, PeerMatch> peerCache = new HashMap<>();
    for (int p = 0; p < policyCount; p++) {
      NetworkPolicy policy = policies.get(p);
      String name = policy.namespace() + "/" + policy.name();
      policyNames.add(name);
      verdicts[ingressVerdict(p)] = Verdict.allowedBy(name, Verdict.Side.INGRESS);
      verdicts[egressVerdict(p)] = Verdict.allowedBy(name, Verdict.Side.EGRESS);
      ingressRules[p] = compile(policy, policy.ingress(), peerCache);
      egressRules[p] = compile(policy, policy.egress(), peerCache);
      boolean[] own = new boolean[pods.namespaceCount()];
      own[pods.namespace(policy.namespace())] = true;
      for (int podClass : pods.select(policy.podSelector(), own)) {
        if (policy.isolates(PolicyType.Ingress)) {
          ingressOfClass.get(podClass).add(p);
        }
        if (policy.isolates(PolicyType.Egress)) {
          egressOfClass.get(podClass).add(p);
        }
      }
    }
    ingressPoliciesOfClass = shared(ingressOfClass);
    egressPoliciesOfClass = shared(egressOfClass);
    ingressCache = new VerdictCache(cacheEntries);
    egressCache = new VerdictCache(cacheEntries);
  }

  /**
   * The same compiled policies with verdict caches of its own (they are written on every lookup):
   * for a partition that runs on another thread. Verdicts are a pure function, the same from each.
   */
  public PolicyEngine withOwnCaches() {
    return new PolicyEngine(this);
  }

  private PolicyEngine(PolicyEngine compiled) {
    containers = compiled.containers;
    pods = compiled.pods;
    ipBlockMatchesPods = compiled.ipBlockMatchesPods;
    policyNames.addAll(compiled.policyNames);
    ingressRules = compiled.ingressRules;
    egressRules = compiled.egressRules;
    ingressPoliciesOfClass = compiled.ingressPoliciesOfClass;
    egressPoliciesOfClass = compiled.egressPoliciesOfClass;
    verdicts = compiled.verdicts;
    allowedAtBothEnds = compiled.allowedAtBothEnds;
    ingressCache = new VerdictCache(compiled.ingressCache.entries());
    egressCache = new VerdictCache(compiled.egressCache.entries());
  }

  private static int ingressVerdict(int policy) {
    return FIRST_POLICY_VERDICT + 2 * policy;
  }

  private static int egressVerdict(int policy) {
    return FIRST_POLICY_VERDICT + 2 * policy + 1;
  }

  private CompiledRule[] compile(
      NetworkPolicy policy, List<PolicyRule> rules, Map<PeerKey, PeerMatch> peerCache) {
    CompiledRule[] compiled = new CompiledRule[rules.size()];
    for (int r = 0; r < compiled.length; r++) {
      PolicyRule rule = rules.get(r);
      PeerMatch[] peers = new PeerMatch[rule.peers().size()];
      for (int i = 0; i < peers.length; i++) {
        PolicyPeer peer = rule.peers().get(i);
        if (peer.ipBlock().isPresent()) {
          peers[i] = PeerMatch.ipBlock(peer.ipBlock().get(), ipBlockMatchesPods);
        } else {
          // podSelector alone means the policy's own namespace; a namespaceSelector replaces it.
          String own = peer.namespaceSelector().isPresent() ? null : policy.namespace();
          PeerKey key = new PeerKey(peer.podSelector(), peer.namespaceSelector(), own);
          peers[i] = peerCache.computeIfAbsent(key, this::compilePeer);
        }
      }
      PortMatch[] ports = new PortMatch[rule.ports().size()];
      for (int i = 0; i < ports.length; i++) {
        PolicyPort port = rule.ports().get(i);
        ports[i] = new PortMatch(port);
      }
      compiled[r] = new CompiledRule(peers, ports);
    }
    return compiled;
  }

  private PeerMatch compilePeer(PeerKey key) {
    boolean[] namespaces;
    if (key.namespaces().isPresent()) {
      namespaces = pods.namespacesMatching(key.namespaces().get());
    } else {
      namespaces = new boolean[pods.namespaceCount()];
      namespaces[pods.namespace(key.ownNamespace())] = true;
    }
    int[] classes = pods.select(key.pods().orElse(LabelSelector.ALL), namespaces);
    return PeerMatch.classes(ClassSet.of(classes, pods.classCount()));
  }

  /** Per class policy ids; equal lists share one array, so identical pods cost one reference. */
  private static int[][] shared(List<List<Integer>> perClass) {
    Map<List<Integer>, int[]> distinct = new HashMap<>();
    int[][] result = new int[perClass.size()][];
    for (int c = 0; c < result.length; c++) {
      List<Integer> ids = perClass.get(c);
      result[c] =
          ids.isEmpty()
              ? NONE
              : distinct.computeIfAbsent(
                  ids, k -> k.stream().mapToInt(Integer::intValue).toArray());
    }
    return result;
  }

  public int containerCount() {
    return containers.size();
  }

  /** The index of the named container in {@link Scenario#containers()}, or -1. */
  public int containerIndex(String name) {
    return containers.index(name);
  }

  public Container container(int index) {
    return containers.get(index);
  }

  /** Whether some policy selecting the container covers the direction. */
  public boolean isolated(int container, PolicyType direction) {
    int podClass = pods.classOf(container);
    int[][] byClass =
        direction == PolicyType.Ingress ? ingressPoliciesOfClass : egressPoliciesOfClass;
    return byClass[podClass].length > 0;
  }

  /** {@code namespace/name} of the policies selecting the container for the direction. */
  public List<String> policiesSelecting(int container, PolicyType direction) {
    int podClass = pods.classOf(container);
    int[][] byClass =
        direction == PolicyType.Ingress ? ingressPoliciesOfClass : egressPoliciesOfClass;
    List<String> names = new ArrayList<>();
    for (int p : byClass[podClass]) {
      names.add(policyNames.get(p));
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * The ingress verdict at {@code dst} for a new connection from {@code src} to {@code dst}'s
   * {@code port} ({@link Transport} protocol number; for ICMP pass 0). Allocation-free.
   */
  public Verdict ingress(int src, int dst, int protocol, int port) {
    return verdicts[ingressId(src, dst, protocol, port)];
  }

  /** The egress verdict at {@code src} for a new connection to {@code dst}. Allocation-free. */
  public Verdict egress(int src, int dst, int protocol, int port) {
    return verdicts[egressId(src, dst, protocol, port)];
  }

  /**
   * The egress verdict at {@code src} for a destination that is no container of the scenario (only
   * ipBlock peers and peer-less rules can allow it). Not memoised.
   */
  public Verdict egressToAddress(int src, int dstIp, int protocol, int port) {
    return verdicts[evaluateEgress(src, -1, dstIp, protocol, port)];
  }

  /**
   * The ingress verdict at {@code dst} for a source that is no container of the scenario (only
   * ipBlock peers and peer-less rules can allow it). Not memoised.
   */
  public Verdict ingressFromAddress(int srcIp, int dst, int protocol, int port) {
    return verdicts[evaluateIngress(-1, srcIp, dst, protocol, port)];
  }

  /**
   * The policy verdict of a new connection: {@code vni-mismatch} for containers in different
   * overlays, else the source's egress denial, else the destination's ingress denial, else allowed
   * (naming the allowing policy; {@code egress+ingress} when both ends are isolated).
   */
  public Verdict connection(int src, int dst, int protocol, int port) {
    if (containers.overlay(src) != containers.overlay(dst)) {
      return Verdict.VNI_MISMATCH;
    }
    int out = egressId(src, dst, protocol, port);
    if (out == DENY_EGRESS) {
      return verdicts[out];
    }
    int in = ingressId(src, dst, protocol, port);
    if (in == DENY_INGRESS) {
      return verdicts[in];
    }
    if (out == NOT_ISOLATED_EGRESS) {
      return in == NOT_ISOLATED_INGRESS ? NOT_ISOLATED_CONNECTION : verdicts[in];
    }
    if (in == NOT_ISOLATED_INGRESS) {
      return verdicts[out];
    }
    return bothEnds((out - FIRST_POLICY_VERDICT) / 2, (in - FIRST_POLICY_VERDICT) / 2);
  }

  public Verdict connection(int src, int dst, Protocol protocol, int port) {
    return connection(src, dst, Transport.of(protocol), port);
  }

  /**
   * The index of the container's overlay in order of first appearance among the containers: a
   * conntrack zone that keeps overlays with overlapping addresses apart.
   */
  public int overlayOf(int container) {
    return containers.overlay(container);
  }

  /** The container's address (its own, as the scenario gives it). */
  public int ipOf(int container) {
    return containers.ip(container);
  }

  /** The index used by {@link #overlayOf} for the named overlay, or -1 if no container uses it. */
  public int overlayIndex(String overlay) {
    return containers.overlayIndex(overlay);
  }

  /**
   * The container with address {@code ip} in overlay {@code overlay} (an {@link #overlayIndex}), or
   * -1. Binary search; allocation-free.
   */
  public int containerAt(int overlay, int ip) {
    return containers.at(overlay, ip);
  }

  /** Whether the two containers sit in the same overlay (VNI). */
  public boolean sameOverlay(int a, int b) {
    return containers.overlay(a) == containers.overlay(b);
  }

  private Verdict bothEnds(int egressPolicy, int ingressPolicy) {
    Verdict[] row = allowedAtBothEnds[egressPolicy];
    if (row == null) {
      row = new Verdict[allowedAtBothEnds.length];
      allowedAtBothEnds[egressPolicy] = row;
    }
    Verdict both = row[ingressPolicy];
    if (both == null) {
      String names = policyNames.get(egressPolicy) + "+" + policyNames.get(ingressPolicy);
      both = Verdict.allowedBy(names, Verdict.Side.NONE);
      row[ingressPolicy] = both;
    }
    return both;
  }

  private int ingressId(int src, int dst, int protocol, int port) {
    long containerPair = VerdictCache.containers(src, dst);
    long service = VerdictCache.service(protocol, port);
    int id = ingressCache.get(containerPair, service);
    if (id < 0) {
      id = evaluateIngress(src, containers.ip(src), dst, protocol, port);
      ingressCache.put(containerPair, service, id);
    }
    return id;
  }

  private int egressId(int src, int dst, int protocol, int port) {
    long containerPair = VerdictCache.containers(src, dst);
    long service = VerdictCache.service(protocol, port);
    int id = egressCache.get(containerPair, service);
    if (id < 0) {
      id = evaluateEgress(src, dst, containers.ip(dst), protocol, port);
      egressCache.put(containerPair, service, id);
    }
    return id;
  }

  /** {@code src} is -1 for a source that is no container. */
  private int evaluateIngress(int src, int peerIp, int dst, int protocol, int port) {
    int[] selecting = ingressPoliciesOfClass[pods.classOf(dst)];
    if (selecting.length == 0) {
      return NOT_ISOLATED_INGRESS;
    }
    int peerClass = src < 0 ? -1 : pods.classOf(src);
    Container destination = containers.get(dst);
    // Policies in file order: the first that allows is the one reports name.
    for (int p : selecting) {
      for (CompiledRule rule : ingressRules[p]) {
        if (rule.matches(peerClass, peerIp, protocol, port, destination)) {
          return ingressVerdict(p);
        }
      }
    }
    return DENY_INGRESS;
  }

  /** {@code dst} is -1 for a destination that is no container. */
  private int evaluateEgress(int src, int dst, int dstIp, int protocol, int port) {
    int[] selecting = egressPoliciesOfClass[pods.classOf(src)];
    if (selecting.length == 0) {
      return NOT_ISOLATED_EGRESS;
    }
    int peerClass = dst < 0 ? -1 : pods.classOf(dst);
    Container destination = dst < 0 ? null : containers.get(dst);
    for (int p : selecting) {
      for (CompiledRule rule : egressRules[p]) {
        if (rule.matches(peerClass, dstIp, protocol, port, destination)) {
          return egressVerdict(p);
        }
      }
    }
    return DENY_EGRESS;
  }
}
