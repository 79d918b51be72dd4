package org.overlaysim.overlay.packet;

/** EtherType values (IEEE 802 numbers) used by the model. */
public final class EtherType {
  public static final int IPV4 = 0x0800;
  public static final int ARP = 0x0806;

  /** Transparent Ethernet Bridging: an Ethernet frame follows (Geneve's protocol type). */
  public static final int TRANSPARENT_ETHERNET_BRIDGING = 0x6558;

  /** Customer VLAN tag (IEEE 802.1Q). */
  public static final int VLAN = 0x8100;

  public static final int IPV6 = 0x86dd;

  /** Values below this are IEEE 802.3 length fields, not Ethernet II types. */
  public static final int MINIMUM_ETHERNET_II = 0x0600;

  private EtherType() {}
}
