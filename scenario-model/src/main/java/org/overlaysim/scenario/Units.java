package org.overlaysim.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and formatting of the unit strings of the scenario format. Every parse method throws
 * {@link IllegalArgumentException} whose message is fit for a user (it names the accepted units).
 * Rates and sizes with k/M/G/T are decimal (as iperf and link vendors use them); KiB/MiB/GiB are
 * binary.
 */
public final class Units {

  private static final Pattern QUANTITY =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(\\S*)");

  private static final Map<String, Long> DURATION = new LinkedHashMap<>();
  private static final Map<String, Long> RATE = new LinkedHashMap<>();
  private static final Map<String, Long> SIZE = new LinkedHashMap<>();
  private static final Map<String, Long> PER = new LinkedHashMap<>();
  private static final Map<String, Long> SPEED = new LinkedHashMap<>();

  static {
    DURATION.put("ns", 1L);
    DURATION.put("us", 1_000L);
    DURATION.put("µs", 1_000L);
    DURATION.put("ms", 1_000_000L);
    DURATION.put("s", 1_000_000_000L);
    DURATION.put("m", 60_000_000_000L);
    DURATION.put("min", 60_000_000_000L);
    DURATION.put("h", 3_600_000_000_000L);

    long[] decimal = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L};
    String[] prefixes = {"", "k", "M", "G", "T"};
    for (int i = 0; i < prefixes.length; i++) {
      RATE.put(prefixes[i] + "bps", decimal[i]);
      RATE.put(prefixes[i] + "bit/s", decimal[i]);
      RATE.put(prefixes[i] + "B/s", decimal[i] * 8);
    }
    RATE.put("Kbps", 1_000L);
    RATE.put("Kbit/s", 1_000L);
    RATE.put("KB/s", 8_000L);

    SIZE.put("B", 1L);
    SIZE.put("kB", 1_000L);
    SIZE.put("KB", 1_000L);
    SIZE.put("MB", 1_000_000L);
    SIZE.put("GB", 1_000_000_000L);
    SIZE.put("TB", 1_000_000_000_000L);
    SIZE.put("KiB", 1L << 10);
    SIZE.put("MiB", 1L << 20);
    SIZE.put("GiB", 1L << 30);
    SIZE.put("TiB", 1L << 40);

    // Request rates: events per unit of time, stored per second.
    PER.put("/s", 1L);
    PER.put("/ms", 1_000L);
    PER.put("/us", 1_000_000L);
    PER.put("/min", -60L);
    PER.put("/h", -3600L);

    SPEED.put("m/s", 1L);
    SPEED.put("km/s", 1_000L);
  }

  private Units() {}

  /** {@code 250ns 5us 10ms 1.5s 2m 1h} to nanoseconds; a bare number is refused. */
  public static long parseDuration(String text) {
    return parse(text, DURATION, "duration", "250ns, 5us, 10ms, 1.5s, 2m", true);
  }

  /** {@code 100Mbps 10Gbps 1Gbit/s 125MB/s} to bits per second; a bare number is refused. */
  public static long parseRate(String text) {
    return parse(text, RATE, "rate", "100Mbps, 10Gbps, 1Gbit/s", true);
  }

  /** {@code 1500 64KiB 10MB} to bytes; a bare integer is bytes. */
  public static long parseSize(String text) {
    return parse(text, SIZE, "size", "1500, 64KiB, 10MB", false);
  }

  /** {@code 204000km/s} to metres per second. */
  public static long parseSpeed(String text) {
    return parse(text, SPEED, "speed", "204000km/s", true);
  }

  /** {@code 1000/s 5/ms 30/min} to events per second. */
  public static double parsePerSecond(String text) {
    Matcher matcher = QUANTITY.matcher(text.trim());
    String hint = "a request rate needs a unit, e.g. 1000/s, 5/ms, 30/min";
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a rate: " + hint);
    }
    Long factor = PER.get(matcher.group(2));
    if (factor == null) {
      throw new IllegalArgumentException("'" + text + "': " + hint);
    }
    double value = Double.parseDouble(matcher.group(1));
    double perSecond = factor > 0 ? value * factor : value / -factor;
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("'" + text + "': a request rate must be above zero");
    }
    return perSecond;
  }

  /** Fraction 0..1, given as a number ({@code 0.001}) or a percentage ({@code 0.1%}). */
  public static double parseFraction(String text) {
    String trimmed = text.trim();
    boolean percent = trimmed.endsWith("%");
    String number = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number such as 0.001 or 0.1%");
    }
    return percent ? value / 100.0 : value;
  }

  private static long parse(
      String text, Map<String, Long> units, String what, String examples, boolean unitRequired) {
    if (text.trim().startsWith("-")) {
      throw new IllegalArgumentException("'" + text + "': a " + what + " must not be negative");
    }
    Matcher matcher = QUANTITY.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a " + what + " (e.g. " + examples + ")");
    }
    String unit = matcher.group(2);
    long factor;
    if (unit.isEmpty()) {
      if (unitRequired) {
        throw new IllegalArgumentException(
            "'" + text + "': a " + what + " needs a unit (e.g. " + examples + ")");
      }
      factor = 1;
    } else {
      Long known = units.get(unit);
      if (known == null) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "': unknown "
                + what
                + " unit '"
                + unit
                + "' (known: "
                + String.join(", ", units.keySet())
                + ")");
      }
      factor = known;
    }
    BigDecimal value = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor));
    BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
    if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return rounded.longValueExact();
  }

  /** Shortest exact text for a duration, e.g. {@code 10ms} or {@code 1500us}. */
  public static String formatDuration(long ns) {
    return format(
        ns,
        new long[] {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L},
        new String[] {"h", "m", "s", "ms", "us", "ns"});
  }

  /** Shortest exact text for a rate, e.g. {@code 10Gbps}. */
  public static String formatRate(long bps) {
    return format(
        bps,
        new long[] {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L},
        new String[] {"Tbps", "Gbps", "Mbps", "kbps", "bps"});
  }

  /** Shortest exact text for a size, e.g. {@code 64KiB}; plain bytes stay a number. */
  public static String formatSize(long bytes) {
    return format(
        bytes,
        new long[] {1L << 30, 1L << 20, 1L << 10, 1L},
        new String[] {"GiB", "MiB", "KiB", "B"});
  }

  public static String formatSpeed(long metresPerSecond) {
    return metresPerSecond % 1000 == 0 ? metresPerSecond / 1000 + "km/s" : metresPerSecond + "m/s";
  }

  private static String format(long value, long[] factors, String[] names) {
    if (value == 0) {
      return "0" + names[names.length - 1];
    }
    for (int i = 0; i < factors.length; i++) {
      if (value % factors[i] == 0) {
        return value / factors[i] + names[i];
      }
    }
    return value + names[names.length - 1];
  }
}
