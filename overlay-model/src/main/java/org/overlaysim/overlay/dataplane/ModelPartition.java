package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.observe.NetworkObserver;

/**
 * One partition of a running model: the clock its hosts, routers and traffic schedule on and the
 * observer they report to. Whatever runs in a partition uses only these two, so partitions can run
 * on separate threads (see {@link org.overlaysim.engine.PartitionedSimulator}).
 */
public record ModelPartition(int index, Simulator simulator, NetworkObserver observer) {}
