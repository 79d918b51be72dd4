package org.overlaysim.overlay.policy;

import java.util.Objects;
import org.overlaysim.topology.DropReason;

/**
 * Whether a packet (or a new connection) may pass, and why: the deciding reason, the place it was
 * decided, and for an allow by NetworkPolicy the deciding policy as {@code namespace/name}.
 * Instances handed out on the packet path are interned, so checking a packet allocates nothing.
 *
 * @param policy {@code namespace/name} of the allowing policy (both sides' for a connection allowed
 *     at both ends, {@code egress-policy+ingress-policy}); empty when no policy decided
 */
public record Verdict(boolean allowed, Reason reason, Side side, String policy) {

  /** Why a verdict was reached. */
  public enum Reason {
    /** Allowed: no policy selecting the pod covers this direction (Kubernetes default). */
    NOT_ISOLATED("not-isolated", true),
    /** Allowed by a rule of the policy named in {@link Verdict#policy()}. */
    POLICY_ALLOW("policy-allow", true),
    /** Allowed by an ACL rule or an ACL's default action. */
    ACL_ALLOW("acl-allow", true),
    /** Allowed as part of a tracked connection (a reply, or a later packet of it). */
    ESTABLISHED("established", true),
    POLICY_DENY("policy-deny", false),
    ACL_DENY("acl-deny", false),
    /** Source and destination sit in different overlays (VNIs). */
    VNI_MISMATCH("vni-mismatch", false);

    private final String code;
    private final boolean allows;

    Reason(String code, boolean allows) {
      this.code = code;
      this.allows = allows;
    }

    /** The name used in reports ({@code reachability.csv}, {@code drops.csv}). */
    public String code() {
      return code;
    }

    public boolean allows() {
      return allows;
    }

    @Override
    public String toString() {
      return code;
    }
  }

  /** Where on the path the verdict was reached. */
  public enum Side {
    /** No particular side (VNI mismatch, or a connection allowed at both ends). */
    NONE("connection"),
    /** The source's egress: its pod's egress policies, its host VTEP's egress ACL. */
    EGRESS("egress at source"),
    /** The destination's ingress: its pod's ingress policies, its host VTEP's ingress ACL. */
    INGRESS("ingress at destination"),
    /** The reply leaving the destination's host VTEP (stateless ACLs see replies too). */
    REPLY_EGRESS("reply egress at destination"),
    /** The reply entering the source's host VTEP. */
    REPLY_INGRESS("reply ingress at source");

    private final String description;

    Side(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public static final Verdict VNI_MISMATCH = new Verdict(false, Reason.VNI_MISMATCH, Side.NONE, "");

  public Verdict {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(policy, "policy");
    if (allowed != reason.allows()) {
      throw new IllegalArgumentException(reason + " cannot be " + (allowed ? "allowed" : "denied"));
    }
    if (!policy.isEmpty() && reason != Reason.POLICY_ALLOW) {
      throw new IllegalArgumentException("only a policy allow names a policy");
    }
  }

  static Verdict of(Reason reason, Side side) {
    return new Verdict(reason.allows(), reason, side, "");
  }

  static Verdict allowedBy(String policy, Side side) {
    return new Verdict(true, Reason.POLICY_ALLOW, side, policy);
  }

  /** The drop reason for a denial, for {@code drops.csv}. */
  public DropReason dropReason() {
    return switch (reason) {
      case POLICY_DENY -> DropReason.POLICY_DENY;
      case ACL_DENY -> DropReason.ACL_DENY;
      case VNI_MISMATCH -> DropReason.VNI_MISMATCH;
      default -> throw new IllegalStateException("an allowed packet has no drop reason");
    };
  }

  /**
   * The reason column of {@code reachability.csv}: the code, and for an allow by policy the
   * deciding policy, e.g. {@code policy-deny}, {@code not-isolated}, {@code
   * policy-allow:x/allow-from-y}.
   */
  public String reportReason() {
    return policy.isEmpty() ? reason.code() : reason.code() + ":" + policy;
  }

  /** One readable line, e.g. {@code denied: policy-deny (ingress at destination)}. */
  public String describe() {
    String where = side == Side.NONE ? "" : " (" + side.description() + ")";
    String by = policy.isEmpty() ? "" : " by " + policy;
    return (allowed ? "allowed: " : "denied: ") + reason.code() + by + where;
  }
}
