package org.overlaysim.overlay.policy;

/**
 * How a packet relates to the tracked connections, named after Linux's {@code enum
 * ip_conntrack_info}: NEW packets go through the policies; ESTABLISHED ones (either direction of a
 * tracked connection) pass, as the "ct state established,related accept" every NetworkPolicy plugin
 * installs first.
 */
public enum CtInfo {
  /** No live connection: check policies, then {@link ConnectionTracker#confirm} if allowed. */
  NEW,
  /** The original direction of a tracked connection (IP_CT_ESTABLISHED). */
  ESTABLISHED,
  /** The reply direction of a tracked connection (IP_CT_ESTABLISHED_REPLY). */
  ESTABLISHED_REPLY;

  public boolean isNew() {
    return this == NEW;
  }
}
