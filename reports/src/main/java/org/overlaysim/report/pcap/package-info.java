/**
 * libpcap captures (nanosecond timestamps, LINKTYPE_ETHERNET) of simulated frames, readable by
 * Wireshark and tshark (the tests read them back with their own small reader).
 */
package org.overlaysim.report.pcap;
