package org.overlaysim.engine.random;

/**
 * The natural logarithm exactly as fdlibm's {@code __ieee754_log} (e_log.c, Sun Microsystems 1993)
 * computes it, ported to Java: bit for bit the result of {@link StrictMath#log}, which the JDK
 * specifies to be fdlibm's, but JIT-compiled instead of a native call (JDK 17's StrictMath.log
 * crosses JNI, several times the cost of the arithmetic). Java floating point is strict IEEE 754
 * since Java 17 (JEP 306), so the port gives the same bits on every CPU.
 *
 * <p>Method (from e_log.c): write x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); then log(1 + f)
 * = f - s (f - R) with s = f / (2 + f) and R a minimax polynomial in s^2; log(x) = k ln2 + log(1 +
 * f), with ln2 split in a high part exact in k ln2_hi and a low part.
 */
public final class FdLibmLog {
  private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
  private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
  private static final double TWO54 = 1.80143985094819840000e+16; // 0x43500000 00000000
  private static final double LG1 = 6.666666666666735130e-01; // 0x3FE55555 55555593
  private static final double LG2 = 3.999999999940941908e-01; // 0x3FD99999 9997FA04
  private static final double LG3 = 2.857142874366239149e-01; // 0x3FD24924 94229359
  private static final double LG4 = 2.222219843214978396e-01; // 0x3FCC71C5 1D8E78AF
  private static final double LG5 = 1.818357216161805012e-01; // 0x3FC74664 96CB03DE
  private static final double LG6 = 1.531383769920937332e-01; // 0x3FC39A09 D078C69F
  private static final double LG7 = 1.479819860511658591e-01; // 0x3FC2F112 DF3E5244

  private FdLibmLog() {}

  /** ln(x), identical to {@code StrictMath.log(x)} for every double x. */
  public static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    int lx = (int) bits;
    int k = 0;
    if (hx < 0x00100000) { // x < 2^-1022: zero, negative or subnormal
      if (((hx & 0x7fffffff) | lx) == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (hx < 0) {
        return Double.NaN; // log of a negative number
      }
      k -= 54;
      x *= TWO54; // scale a subnormal up
      bits = Double.doubleToRawLongBits(x);
      hx = (int) (bits >> 32);
    }
    if (hx >= 0x7ff00000) {
      return x + x; // infinity or NaN
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    // normalise x or x/2 so that 1 + f lies in [sqrt(2)/2, sqrt(2))
    x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xFFFF_FFFFL));
    k += i >> 20;
    double f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
      if (f == 0.0) {
        if (k == 0) {
          return 0.0;
        }
        double dk = k;
        return dk * LN2_HI + dk * LN2_LO;
      }
      double r = f * f * (0.5 - 0.33333333333333333 * f);
      if (k == 0) {
        return f - r;
      }
      double dk = k;
      return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    double s = f / (2.0 + f);
    double dk = k;
    double z = s * s;
    i = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    i |= j;
    double r = t2 + t1;
    if (i > 0) {
      double hfsq = 0.5 * f * f;
      if (k == 0) {
        return f - (hfsq - s * (hfsq + r));
      }
      return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    if (k == 0) {
      return f - s * (f - r);
    }
    return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }
}
