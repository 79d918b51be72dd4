package org.overlaysim.gui.map;

import java.util.function.Consumer;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Container;

/**
 * What the mark builders draw from: the scenario, where things go, what is selected, the run's
 * results and the time bin shown, and what a click does.
 *
 * @param results null before a run
 * @param timeBin utilization bin shown, -1 for each link's peak
 * @param overlaysColoured whether containers take their overlay's colour (the overlay layer is on)
 * @param toggleHost shows or hides a host's containers on an aggregated map
 */
record MarkContext(
    SceneIndex index,
    ClusterLayout layout,
    Container selected,
    RunResults results,
    int timeBin,
    boolean overlaysColoured,
    Consumer<String> toggleSite,
    Consumer<String> toggleHost,
    Consumer<Container> select) {}
