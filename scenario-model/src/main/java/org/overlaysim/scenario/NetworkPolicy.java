package org.overlaysim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes networking.k8s.io/v1 NetworkPolicy.
 *
 * @param policyTypes as given, or, when absent, defaulted as the API server does: Ingress, plus
 *     Egress if the policy has egress rules
 */
public record NetworkPolicy(
    String name,
    String namespace,
    LabelSelector podSelector,
    List<PolicyType> policyTypes,
    List<PolicyRule> ingress,
    List<PolicyRule> egress) {
  public NetworkPolicy {
    Checks.name(name, "policy name");
    Checks.name(namespace, "policy namespace");
    Objects.requireNonNull(podSelector, "podSelector");
    policyTypes = Checks.list(policyTypes);
    ingress = Checks.list(ingress);
    egress = Checks.list(egress);
  }

  public boolean isolates(PolicyType direction) {
    return policyTypes.contains(direction);
  }
}
