package org.overlaysim.topology;

/** A vertex of the underlay graph: a router, or a host hanging off one. Names are unique. */
public sealed interface Node permits RouterNode, HostNode {
  String name();

  GeoSite site();
}
