/**
 * libpcap captures (nanosecond timestamps, LINKTYPE_ETHERNET) of simulated frames, readable by
 * Wireshark and tshark, and a small reader for tests.
 */
package org.overlaysim.report.pcap;
