package org.overlaysim.cli.plot;

/**
 * Reports that cannot be plotted (no reports in the folder, a malformed file): the user's to fix.
 */
public final class PlotInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PlotInputException(String message) {
    super(message);
  }
}
