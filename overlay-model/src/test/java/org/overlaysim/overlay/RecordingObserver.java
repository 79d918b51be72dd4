package org.overlaysim.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.topology.DropReason;

/** Records what the model reports, for assertions. */
final class RecordingObserver implements NetworkObserver {
  record Drop(int flow, String where, DropReason reason, int ipBytes) {}

  final Map<Integer, Integer> sent = new TreeMap<>();
  final Map<Integer, Integer> delivered = new TreeMap<>();
  final Map<Integer, List<Long>> latencies = new TreeMap<>();
  final Map<Integer, Long> payload = new TreeMap<>();
  final Map<Integer, List<Long>> wire = new TreeMap<>();
  final Map<Integer, Integer> fragments = new TreeMap<>();
  final List<Drop> drops = new ArrayList<>();
  final Map<String, Integer> bumFrames = new TreeMap<>();
  final Map<String, Long> bumBytes = new TreeMap<>();
  final Map<String, Integer> controlFrames = new TreeMap<>();
  final Map<String, Long> controlBytes = new TreeMap<>();

  @Override
  public void packetSent(int flow, int ipBytes) {
    sent.merge(flow, 1, Integer::sum);
  }

  @Override
  public void packetDelivered(int flow, int ipBytes) {
    delivered.merge(flow, 1, Integer::sum);
  }

  @Override
  public void latencySample(int flow, long latencyNs) {
    latencies.computeIfAbsent(flow, f -> new ArrayList<>()).add(latencyNs);
  }

  @Override
  public void payloadDelivered(int flow, long payloadBytes) {
    payload.merge(flow, payloadBytes, Long::sum);
  }

  @Override
  public void wireBytes(int flow, long bytes) {
    wire.computeIfAbsent(flow, f -> new ArrayList<>()).add(bytes);
  }

  @Override
  public void fragmented(int flow, int count) {
    fragments.merge(flow, count, Integer::sum);
  }

  @Override
  public void dropped(int flow, String where, DropReason reason, int ipBytes) {
    drops.add(new Drop(flow, where, reason, ipBytes));
  }

  @Override
  public void bumFrame(String overlay, int outerIpBytes) {
    bumFrames.merge(overlay, 1, Integer::sum);
    bumBytes.merge(overlay, (long) outerIpBytes, Long::sum);
  }

  @Override
  public void controlFrame(String overlay, int outerIpBytes) {
    controlFrames.merge(overlay, 1, Integer::sum);
    controlBytes.merge(overlay, (long) outerIpBytes, Long::sum);
  }

  /** Echo replies (ping) or datagrams (udp) that produced a latency sample. */
  int samples(int flow) {
    return latencies.getOrDefault(flow, List.of()).size();
  }

  List<Drop> drops(DropReason reason) {
    return drops.stream().filter(d -> d.reason() == reason).toList();
  }

  int bum(String overlay) {
    return bumFrames.getOrDefault(overlay, 0);
  }
}
