package org.overlaysim.scenario;

/** Transport protocols Kubernetes knows for ports and policies (upper case, as in its API). */
public enum Protocol {
  TCP,
  UDP,
  SCTP
}
