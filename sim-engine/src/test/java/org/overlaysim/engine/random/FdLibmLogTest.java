package org.overlaysim.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdLibmLogTest {

  /** Same bits, except that any NaN matches any NaN (a NaN's payload carries no value). */
  private static void assertSameBitsAsStrictMath(double x) {
    double expected = StrictMath.log(x);
    if (Double.isNaN(expected)) {
      assertThat(FdLibmLog.log(x)).as("log(%s)", x).isNaN();
      return;
    }
    assertThat(Double.doubleToRawLongBits(FdLibmLog.log(x)))
        .as("log(%s) [%s]", x, Double.toHexString(x))
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void matchesStrictMathBitForBitOnTheUnitIntervalGridThatDrawsUse() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 2_000_000; i++) {
      assertSameBitsAsStrictMath(1.0 - (random.nextLong() >>> 11) * 0x1.0p-53);
    }
  }

  @Test
  void matchesStrictMathBitForBitOnRandomBitPatterns() {
    SplittableRandom random = new SplittableRandom(18);
    for (int i = 0; i < 1_000_000; i++) {
      assertSameBitsAsStrictMath(Double.longBitsToDouble(random.nextLong()));
    }
  }

  @Test
  void matchesStrictMathOnSpecialValuesAndNearOne() {
    double[] specials = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      Math.E,
      2.0,
      0.5,
      Math.nextUp(1.0),
      Math.nextDown(1.0),
      1.0 + 0x1.0p-21,
      1.0 - 0x1.0p-21,
      0x1.0p-1030
    };
    for (double x : specials) {
      assertSameBitsAsStrictMath(x);
    }
    for (int ulps = -5000; ulps <= 5000; ulps++) {
      assertSameBitsAsStrictMath(1.0 + ulps * 0x1.0p-52);
    }
  }
}
