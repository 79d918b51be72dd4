package org.overlaysim.overlay.dataplane;

/**
 * What a host's cores spent on encryption and decryption in a run (hosts.csv).
 *
 * @param packets packets encrypted and decrypted
 * @param bytes their encrypted IPv4 bytes
 * @param busyNs time the cores were busy (all of them: the work divided by their number)
 */
public record CryptoWork(String host, int cores, long packets, long bytes, long busyNs) {
  /** The share of {@code elapsedNs} the cores were busy. */
  public double busyFraction(long elapsedNs) {
    return elapsedNs <= 0 ? 0 : (double) busyNs / elapsedNs;
  }
}
