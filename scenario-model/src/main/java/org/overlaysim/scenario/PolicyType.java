package org.overlaysim.scenario;

/** The directions a NetworkPolicy isolates. */
public enum PolicyType {
  Ingress,
  Egress
}
