package org.overlaysim.scenario.internal;

import java.util.function.Supplier;

/** Builds a record, turning a rejected argument into a located problem instead of a crash. */
final class Safe {
  private Safe() {}

  static <T> T make(Ctx ctx, String path, Supplier<T> factory) {
    try {
      return factory.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      ctx.at(path, String.valueOf(e.getMessage()));
      return null;
    }
  }
}
