package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import org.overlaysim.scenario.MacAddress;

/**
 * An Ethernet II header, optionally with one IEEE 802.1Q tag ({@code vlan}, null when untagged).
 * The frame check sequence is not modelled: captures (LINKTYPE_ETHERNET) carry frames without it.
 */
public record EthernetHeader(MacAddress destination, MacAddress source, VlanTag vlan, int etherType)
    implements Header {
  public static final int DESTINATION_OFFSET = 0;
  public static final int SOURCE_OFFSET = 6;
  public static final int TYPE_OFFSET = 12;

  /** Untagged header length. */
  public static final int LENGTH = 14;

  public static final int VLAN_TAG_LENGTH = 4;

  /** Minimum frame without FCS (IEEE 802.3 60 bytes); shorter frames are padded by the NIC. */
  public static final int MINIMUM_FRAME_LENGTH = 60;

  private static final String NAME = "Ethernet header";

  public EthernetHeader {
    if (destination == null || source == null) {
      throw new IllegalArgumentException("Ethernet addresses must not be null");
    }
    Wire.requireRange("EtherType", etherType, EtherType.MINIMUM_ETHERNET_II, 0xffff);
    if (etherType == EtherType.VLAN) {
      throw new IllegalArgumentException(
          "an 802.1Q tag is given as the vlan field, not as EtherType");
    }
  }

  /** An untagged header. */
  public static EthernetHeader of(MacAddress destination, MacAddress source, int etherType) {
    return new EthernetHeader(destination, source, null, etherType);
  }

  public boolean isTagged() {
    return vlan != null;
  }

  public EthernetHeader withAddresses(MacAddress newDestination, MacAddress newSource) {
    return new EthernetHeader(newDestination, newSource, vlan, etherType);
  }

  @Override
  public int encodedLength() {
    return vlan == null ? LENGTH : LENGTH + VLAN_TAG_LENGTH;
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU48(buffer, destination.bits());
    Wire.putU48(buffer, source.bits());
    if (vlan != null) {
      Wire.putU16(buffer, EtherType.VLAN);
      Wire.putU16(buffer, vlan.tci());
    }
    Wire.putU16(buffer, etherType);
  }

  /** Decodes an Ethernet II header, with at most one 802.1Q tag. */
  public static EthernetHeader read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, LENGTH, NAME);
    int p = buffer.position();
    MacAddress destination = new MacAddress(Wire.u48(buffer, p + DESTINATION_OFFSET));
    MacAddress source = new MacAddress(Wire.u48(buffer, p + SOURCE_OFFSET));
    int type = Wire.u16(buffer, p + TYPE_OFFSET);
    VlanTag vlan = null;
    int length = LENGTH;
    if (type == EtherType.VLAN) {
      MalformedPacketException.requireRemaining(buffer, LENGTH + VLAN_TAG_LENGTH, NAME);
      vlan = VlanTag.fromTci(Wire.u16(buffer, p + TYPE_OFFSET + 2));
      type = Wire.u16(buffer, p + TYPE_OFFSET + 4);
      length += VLAN_TAG_LENGTH;
      if (type == EtherType.VLAN) {
        throw MalformedPacketException.at(buffer, NAME, "stacked 802.1Q tags are not supported");
      }
    }
    if (type < EtherType.MINIMUM_ETHERNET_II) {
      throw MalformedPacketException.at(
          buffer, NAME, "0x" + Integer.toHexString(type) + " is an 802.3 length, not an EtherType");
    }
    buffer.position(p + length);
    return new EthernetHeader(destination, source, vlan, type);
  }
}
