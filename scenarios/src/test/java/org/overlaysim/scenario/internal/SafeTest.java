package org.overlaysim.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A record's refusal of a value is the user's mistake; a NullPointerException is our bug. */
class SafeTest {
  private final Ctx ctx = new Ctx(new Marks("s.yaml"));

  @Test
  void aRefusedArgumentIsALocatedProblem() {
    Object made =
        Safe.make(
            ctx,
            "overlays[0]",
            () -> {
              throw new IllegalArgumentException("mtu 40 is below 68");
            });
    assertThat(made).isNull();
    assertThat(ctx.problems())
        .extracting(Object::toString)
        .containsExactly("s.yaml:1:1: overlays[0]: mtu 40 is below 68");
  }

  @Test
  void aNullPointerExceptionIsABugNotAUserMistake() {
    assertThatThrownBy(
            () ->
                Safe.make(
                    ctx,
                    "overlays[0]",
                    () -> {
                      throw new NullPointerException("name");
                    }))
        .isInstanceOf(NullPointerException.class);
    assertThat(ctx.problems()).isEmpty();
  }
}
