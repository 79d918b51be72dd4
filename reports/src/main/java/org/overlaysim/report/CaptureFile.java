package org.overlaysim.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.overlaysim.overlay.observe.FrameTap;
import org.overlaysim.report.pcap.PcapWriter;

/**
 * One pcap file fed by one or more sources: a container's interface is one, a link's two directions
 * are two. A direction is fed on its sending end's thread when the run is cut into partitions, so
 * each source of several spools its frames to a file of its own, and {@link #close()} merges them
 * by time (then source order) into the capture: one file, in time order, the same for any number of
 * threads. A single source writes straight into the capture.
 */
final class CaptureFile implements Closeable {
  private final Path file;
  private final FileOutputStream stream;
  private final PcapWriter writer;
  private final Path[] spools;
  private final DataOutputStream[] spooled;
  private final FrameTap[] sources;

  CaptureFile(Path file, int sourceCount) throws IOException {
    Files.createDirectories(file.getParent());
    this.file = file;
    this.stream = new FileOutputStream(file.toFile());
    this.writer = new PcapWriter(new BufferedOutputStream(stream));
    this.sources = new FrameTap[sourceCount];
    if (sourceCount == 1) {
      spools = new Path[0];
      spooled = new DataOutputStream[0];
      sources[0] = (now, frame) -> write(now, frame);
      return;
    }
    spools = new Path[sourceCount];
    spooled = new DataOutputStream[sourceCount];
    for (int i = 0; i < sourceCount; i++) {
      spools[i] = file.resolveSibling("." + file.getFileName() + "." + i + ".spool");
      spooled[i] =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spools[i]), 1 << 16));
      DataOutputStream out = spooled[i];
      sources[i] =
          (now, frame) -> {
            try {
              out.writeLong(now);
              out.writeInt(frame.length);
              out.write(frame);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
    }
  }

  /** The tap of source {@code index}. */
  FrameTap source(int index) {
    return sources[index];
  }

  private void write(long nowNs, byte[] frame) {
    try {
      writer.write(nowNs, frame, 0, frame.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Merges the spools (if any) into the capture, puts it on disk and removes the spools. */
  @Override
  public void close() throws IOException {
    try {
      for (DataOutputStream out : spooled) {
        out.close();
      }
      if (spools.length > 0) {
        merge();
      }
      // On disk before report.json, written next, says the run is complete.
      writer.flush();
      stream.getFD().sync();
    } finally {
      writer.close();
      for (Path spool : spools) {
        Files.deleteIfExists(spool);
      }
    }
  }

  private void merge() throws IOException {
    DataInputStream[] in = new DataInputStream[spools.length];
    long[] time = new long[spools.length];
    byte[][] frame = new byte[spools.length][];
    try {
      for (int i = 0; i < spools.length; i++) {
        in[i] = new DataInputStream(new BufferedInputStream(Files.newInputStream(spools[i])));
        frame[i] = next(in[i], time, i);
      }
      while (true) {
        int first = -1;
        for (int i = 0; i < spools.length; i++) {
          if (frame[i] != null && (first < 0 || time[i] < time[first])) {
            first = i;
          }
        }
        if (first < 0) {
          return;
        }
        writer.write(time[first], frame[first], 0, frame[first].length);
        frame[first] = next(in[first], time, first);
      }
    } finally {
      for (DataInputStream s : in) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  /** The next spooled frame of source {@code i} (its time into {@code time[i]}), or null. */
  private static byte[] next(DataInputStream in, long[] time, int i) throws IOException {
    try {
      time[i] = in.readLong();
    } catch (EOFException end) {
      return null;
    }
    byte[] frame = new byte[in.readInt()];
    in.readFully(frame);
    return frame;
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
