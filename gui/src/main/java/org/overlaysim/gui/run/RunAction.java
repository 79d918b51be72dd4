package org.overlaysim.gui.run;

import org.overlaysim.scenario.ScenarioSet;

/**
 * Runs a loaded scenario for the window's Run button. Called on a background thread; the window's
 * Cancel button interrupts that thread, so an implementation checks {@link Thread#interrupted()}
 * now and then and throws {@link InterruptedException}.
 */
@FunctionalInterface
public interface RunAction {

  /** Receives the fraction of the run done, in [0, 1]; may be called from any thread. */
  @FunctionalInterface
  interface Progress {
    void done(double fraction);
  }

  RunResults run(ScenarioSet scenario, Progress progress) throws InterruptedException;
}
