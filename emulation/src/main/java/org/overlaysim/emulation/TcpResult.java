package org.overlaysim.emulation;

/**
 * What the kernel's TCP did for one {@code tcp} flow (all its endpoint pairs together).
 *
 * @param pairs endpoint pairs of the flow, one connection each
 * @param connected pairs whose connection was made (the others were unreachable: nothing delivered)
 * @param payloadBytes application bytes the receivers read
 * @param wireBytes what the flow's segments, both ways, occupied on an Ethernet wire outside the
 *     overlay: the sender's and the receiver's namespace's IP bytes (per segment, timestamps on)
 *     plus the encapsulation and Ethernet framing (header, FCS, preamble, gap) per segment
 * @param goodputBps payload bits per second from the first connect (SYN) to the last byte read, as
 *     the simulator's throughput.csv defines goodput
 * @param segmentsSent Tcp OutSegs of the senders (data, retransmissions, SYN, FIN) and of the
 *     receivers (their ACKs), as the simulator counts a flow's packets
 * @param retransmissions the senders' Tcp RetransSegs
 * @param timeouts the senders' TcpExt TCPTimeouts: retransmission timeouts (at least 200 ms each,
 *     Linux's minimum RTO, during which the flow sends nothing new)
 * @param stalledNs time the receivers got nothing for more than 100 ms (a retransmission timer
 *     running), the connection's setup included, summed over the pairs
 * @param congestionControl the sending namespaces' {@code net.ipv4.tcp_congestion_control}
 */
public record TcpResult(
    String flow,
    String src,
    String dst,
    int pairs,
    int connected,
    long payloadBytes,
    long wireBytes,
    double goodputBps,
    long segmentsSent,
    long retransmissions,
    long timeouts,
    long stalledNs,
    String congestionControl) {}
