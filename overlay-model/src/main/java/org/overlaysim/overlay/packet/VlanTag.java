package org.overlaysim.overlay.packet;

/**
 * The tag control information of an IEEE 802.1Q tag: priority code point, drop eligible indicator
 * and 12-bit VLAN identifier.
 */
public record VlanTag(int priority, boolean dropEligible, int vlanId) {
  public VlanTag {
    Wire.requireRange("VLAN priority", priority, 0, 7);
    Wire.requireRange("VLAN id", vlanId, 0, 4095);
  }

  /** A tag with priority 0 and DEI clear. */
  public static VlanTag of(int vlanId) {
    return new VlanTag(0, false, vlanId);
  }

  static VlanTag fromTci(int tci) {
    return new VlanTag(tci >>> 13, (tci & 0x1000) != 0, tci & 0x0fff);
  }

  int tci() {
    return priority << 13 | (dropEligible ? 0x1000 : 0) | vlanId;
  }
}
