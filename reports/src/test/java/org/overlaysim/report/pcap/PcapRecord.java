package org.overlaysim.report.pcap;

import java.util.Arrays;

/** One captured packet: when, how long it was on the wire, and the bytes captured. */
public record PcapRecord(long timestampNs, int originalLength, byte[] data) {
  public PcapRecord {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PcapRecord r
        && r.timestampNs == timestampNs
        && r.originalLength == originalLength
        && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestampNs) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "PcapRecord[" + timestampNs + " ns, " + data.length + "/" + originalLength + " bytes]";
  }
}
