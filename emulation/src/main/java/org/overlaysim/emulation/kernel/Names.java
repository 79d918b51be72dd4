package org.overlaysim.emulation.kernel;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every namespace and device name of one emulation run, derived from a 4-hex-digit run tag and
 * checked against a strict pattern before any command sees it. Namespaces are {@code
 * osim-<tag>-r<i>} (router), {@code -h<i>} (host), {@code -c<i>} (container); devices {@code
 * o<tag><kind><i>[x<j>]}, at most 13 characters (Linux allows 15, IFNAMSIZ - 1).
 */
public record Names(String tag) {
  /** Namespaces of any run: what {@code --cleanup} may remove, and nothing else. */
  public static final Pattern NAMESPACE = Pattern.compile("^osim-[0-9a-f]{4}-[rhc][0-9]{1,3}$");

  public static final Pattern DEVICE =
      Pattern.compile("^o[0-9a-f]{4}[uapebvgt][0-9]{1,3}(x[0-9]{1,3})?$");

  private static final Pattern TAG = Pattern.compile("^[0-9a-f]{4}$");

  /** Indices have at most three digits. */
  public static final int MAX_INDEX = 999;

  public Names {
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("run tag must be 4 lower-case hex digits: " + tag);
    }
  }

  /** A tag from {@code seed} (the process id) that no namespace in {@code existing} uses yet. */
  public static Names unused(long seed, Collection<String> existing) {
    for (int i = 0; i <= 0xffff; i++) {
      String tag = String.format(Locale.ROOT, "%04x", (seed + i) & 0xffff);
      String prefix = "osim-" + tag + "-";
      if (existing.stream().noneMatch(n -> n.startsWith(prefix))) {
        return new Names(tag);
      }
    }
    throw new IllegalStateException("every run tag is in use");
  }

  public String router(int index) {
    return namespace('r', index);
  }

  public String host(int index) {
    return namespace('h', index);
  }

  public String container(int index) {
    return namespace('c', index);
  }

  /** Whether a namespace belongs to this run. */
  public boolean owns(String namespace) {
    return NAMESPACE.matcher(namespace).matches() && namespace.startsWith("osim-" + tag + "-");
  }

  /** Underlay link {@code index} (the same name at both ends, each in its router). */
  public String underlayLink(int index) {
    return device('u', index);
  }

  /** Access link of host {@code index}, in the host and in its router. */
  public String accessLink(int index) {
    return device('a', index);
  }

  /** The host side of container {@code index}'s veth pair. */
  public String containerPort(int index) {
    return device('p', index);
  }

  /** The container side of its veth pair. */
  public String containerInterface(int index) {
    return device('e', index);
  }

  public String bridge(int overlay) {
    return device('b', overlay);
  }

  public String vxlan(int overlay) {
    return device('v', overlay);
  }

  /** One geneve device per overlay and remote host (Linux geneve has no forwarding database). */
  public String geneve(int overlay, int remoteHost) {
    return checked("o" + tag + 'g' + index(overlay) + 'x' + index(remoteHost), DEVICE);
  }

  public String ipip(int overlay) {
    return device('t', overlay);
  }

  private String namespace(char kind, int index) {
    return checked("osim-" + tag + "-" + kind + index(index), NAMESPACE);
  }

  private String device(char kind, int index) {
    return checked("o" + tag + kind + index(index), DEVICE);
  }

  private static int index(int index) {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException("index outside 0.." + MAX_INDEX + ": " + index);
    }
    return index;
  }

  /** Refuses any name that is not ours; the last guard before a name reaches a command. */
  public static String checked(String name, Pattern pattern) {
    if (!pattern.matcher(name).matches()) {
      throw new IllegalArgumentException("refusing name '" + name + "' (not " + pattern + ")");
    }
    return name;
  }
}
