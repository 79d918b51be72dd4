package org.overlaysim.overlay.packet;

/** Known-bytes frames from public captures; each constant says where it comes from. */
final class GoldenFrames {
  private GoldenFrames() {}

  /**
   * VXLAN (UDP 4789) carrying an ICMP echo request 192.168.203.3 → .5, id 1292 seq 1: frame 1 of
   * tcpdump's tests/vxlan.pcap, as embedded in gopacket's layers/vxlan_test.go (testPacketVXLAN;
   * gopacket set the VNI byte to 0xff, so VNI 255; outer UDP checksum 0 as captured).
   */
  static final String VXLAN_ICMP_ECHO =
      """
      0016 3e08 71cf 36dc 851e b340 0800 4500
      0086 d2c0 4000 4011 5152 c0a8 cb01 c0a8
      ca01 b05d 12b5 0072 0000 0800 0000 0000
      ff00 0030 8801 0002 0016 3e37 f604 0800
      4500 0054 0000 4000 4001 234f c0a8 cb03
      c0a8 cb05 0800 f6f2 050c 0001 fce2 9751
      0000 0000 a6f8 0200 0000 0000 1011 1213
      1415 1617 1819 1a1b 1c1d 1e1f 2021 2223
      2425 2627 2829 2a2b 2c2d 2e2f 3031 3233
      3435 3637
      """;

  /**
   * Geneve (UDP 6081) with one critical option (class 0, type 0x80, data 0000000c), VNI 10,
   * carrying an ICMP echo request 30.0.0.1 → 30.0.0.2, id 10578 seq 23: frame 1 of tcpdump's
   * tests/geneve.pcap (see tests/geneve-vv.out), as gopacket's layers/geneve_test.go
   * testPacketGeneve3.
   */
  static final String GENEVE_OPTION_ICMP_ECHO =
      """
      001b 213c ac30 001b 213c ab64 0800 4500
      008e dfad 4000 4011 32af 1400 0001 1400
      0002 314a 17c1 007a 0000 0240 6558 0000
      0a00 0000 8001 0000 000c fe71 d883 724f
      b69e d249 5148 0800 4500 0054 bda2 4000
      4001 4104 1e00 0001 1e00 0002 0800 2c54
      2952 0017 f1a2 ce54 0000 0000 1778 0c00
      0000 0000 1011 1213 1415 1617 1819 1a1b
      1c1d 1e1f 2021 2223 2425 2627 2829 2a2b
      2c2d 2e2f 3031 3233 3435 3637
      """;

  /**
   * An 802.1Q-tagged (VLAN 20) ICMP echo request 10.0.20.1 → 10.0.20.2, id 432 seq 1, Linux ping
   * with its 56 data bytes: a {@code tcpdump -xx} dump published with a VLAN lab write-up (public
   * code index).
   */
  static final String VLAN_ICMP_ECHO =
      """
      0016 3e52 21ec 0016 3e3c 2bb3 8100 0014
      0800 4500 0054 bff4 4000 4001 3eb2 0a00
      1401 0a00 1402 0800 3a66 01b0 0001 f3bd
      ca5d 0000 0000 38fa 0600 0000 0000 1011
      1213 1415 1617 1819 1a1b 1c1d 1e1f 2021
      2223 2425 2627 2829 2a2b 2c2d 2e2f 3031
      3233 3435 3637
      """;

  /**
   * A Linux TCP SYN 127.0.0.1:55920 → :80 with options mss 16396, sackOK, timestamp 1306300950 0,
   * nop, wscale 2: first frame of tcpdump's tests/print-xx.out (print-flags.pcap).
   */
  static final String TCP_SYN_LOOPBACK =
      """
      0000 0000 0000 0000 0000 0000 0800 4500
      003c 1b68 4000 4006 2152 7f00 0001 7f00
      0001 da70 0050 3758 897e 0000 0000 a002
      7fff 1421 0000 0204 400c 0402 080a 4ddc
      9216 0000 0000 0103 0302
      """;

  /**
   * ARP request "who-has 172.22.240.1 tell 172.22.240.2" from 00:15:5d:c6:59:86 and its reply
   * "172.22.240.1 is-at 00:15:5d:0c:4f:60": {@code tcpdump -x} output of a PcapPlusPlus ARP
   * tutorial (public code index); ARP bodies only.
   */
  static final String ARP_REQUEST =
      "0001 0800 0604 0001 0015 5dc6 5986 ac16 f002 0000 0000 0000 ac16 f001";

  static final String ARP_REPLY =
      "0001 0800 0604 0002 0015 5d0c 4f60 ac16 f001 0015 5dc6 5986 ac16 f002";

  static byte[] bytes(String hex) {
    return HexDump.parse(hex);
  }
}
