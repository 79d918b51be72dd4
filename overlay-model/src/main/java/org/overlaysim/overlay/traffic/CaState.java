package org.overlaysim.overlay.traffic;

import java.util.Locale;

/**
 * The sender's loss-recovery state, as Linux's {@code icsk_ca_state} (CWR is only passed through: a
 * tail loss probe that repaired a loss reduces the window and returns to open at once).
 */
public enum CaState {
  /** Nothing outstanding is SACKed or lost. */
  OPEN,
  /** SACKs or retransmissions outstanding, no loss detected yet. */
  DISORDER,
  /** Fast recovery (RFC 6675) with Proportional Rate Reduction (RFC 6937). */
  RECOVERY,
  /** After a retransmission timeout: window 1, slow start, everything un-SACKed marked lost. */
  LOSS;

  /** The name in tcp.csv, as {@code ss -ti} spells Linux's states. */
  public String csvName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
