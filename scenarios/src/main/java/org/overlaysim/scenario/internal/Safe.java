package org.overlaysim.scenario.internal;

import java.util.function.Supplier;

/**
 * Builds a record, turning a rejected argument into a located problem instead of a crash. Only
 * {@link IllegalArgumentException}, a record's refusal of a value the user wrote, is such a
 * problem; anything else (a NullPointerException) is a bug and reaches the user as an internal
 * error (exit 1), never as their mistake.
 */
final class Safe {
  private Safe() {}

  static <T> T make(Ctx ctx, String path, Supplier<T> factory) {
    try {
      return factory.get();
    } catch (IllegalArgumentException e) {
      ctx.at(path, String.valueOf(e.getMessage()));
      return null;
    }
  }
}
