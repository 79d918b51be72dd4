package org.overlaysim.scenario.internal;

/** A place in a scenario file, 1-based. */
public record Mark(String file, int line, int column) {}
