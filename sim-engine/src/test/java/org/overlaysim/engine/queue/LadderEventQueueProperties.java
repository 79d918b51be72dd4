package org.overlaysim.engine.queue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random mixes of far, near and equal-time events and cancels against a reference queue. */
class LadderEventQueueProperties {

  @Property(tries = 100, seed = "18")
  void removalsMatchAPriorityQueueOrderedByTimeThenInsertion(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 6_000) int far,
      @ForAll @IntRange(min = 0, max = 3_000) int near,
      @ForAll @LongRange(min = 0, max = 200_000) long nearHighNs,
      @ForAll @IntRange(min = 0, max = 10) int cancelEvery) {
    LadderEventQueue queue = new LadderEventQueue();
    SkewedLoad load = new SkewedLoad(queue, seed, 200_000_000L, 1_000_000_000L, 0, nearHighNs);
    load.addFar(far);
    load.addNear(near);

    load.run(far + near == 0 ? 0 : 20_000, cancelEvery);

    load.drain();
  }
}
