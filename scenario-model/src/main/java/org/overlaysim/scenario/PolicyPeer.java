package org.overlaysim.scenario;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code from}/{@code to} entry of a NetworkPolicy rule. As in Kubernetes: a podSelector alone
 * selects pods of the policy's namespace; a namespaceSelector alone every pod of the selected
 * namespaces; both together the matching pods of the selected namespaces; an ipBlock stands alone.
 */
public record PolicyPeer(
    Optional<LabelSelector> podSelector,
    Optional<LabelSelector> namespaceSelector,
    Optional<IpBlock> ipBlock) {
  public PolicyPeer {
    Objects.requireNonNull(podSelector, "podSelector");
    Objects.requireNonNull(namespaceSelector, "namespaceSelector");
    Objects.requireNonNull(ipBlock, "ipBlock");
    boolean selectors = podSelector.isPresent() || namespaceSelector.isPresent();
    if (selectors == ipBlock.isPresent()) {
      throw new IllegalArgumentException(
          "a peer has either selectors or an ipBlock, exactly one kind");
    }
  }
}
