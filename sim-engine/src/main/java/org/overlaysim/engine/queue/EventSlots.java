package org.overlaysim.engine.queue;

import java.util.Arrays;
import org.overlaysim.engine.EventHandler;

/**
 * Per-event storage shared by the queue implementations: a slot per pending event holding its
 * handler, insertion sequence and a generation, with a LIFO free list so that a freed slot (still
 * in cache) is the next one used. An event id is {@code generation << 32 | slot}; the generation
 * changes when the event leaves the queue, so a stale id never matches a reused slot (unless that
 * one slot is reused 2^32 times while the caller keeps the stale id).
 */
final class EventSlots {
  private static final int NONE = -1;

  EventHandler[] handlers;
  long[] seqs;
  private int[] generations;
  private int[] nextFree;
  private int freeHead = NONE;
  private int allocated;
  private long nextSeq;

  EventSlots(int initialCapacity) {
    int capacity = Math.max(4, initialCapacity);
    handlers = new EventHandler[capacity];
    seqs = new long[capacity];
    generations = new int[capacity];
    nextFree = new int[capacity];
  }

  /** Takes a slot for {@code handler}, stamping the next insertion sequence. */
  int allocate(EventHandler handler) {
    int slot = freeHead;
    if (slot != NONE) {
      freeHead = nextFree[slot];
    } else {
      if (allocated == handlers.length) {
        grow();
      }
      slot = allocated++;
    }
    handlers[slot] = handler;
    seqs[slot] = nextSeq++;
    return slot;
  }

  long idOf(int slot) {
    return ((long) generations[slot] << 32) | slot;
  }

  /** The slot of a pending event's id, or -1 if the id is stale or unknown. */
  int slotOf(long eventId) {
    int slot = (int) eventId;
    if (slot < 0 || slot >= allocated) {
      return NONE;
    }
    if (generations[slot] != (int) (eventId >>> 32) || handlers[slot] == null) {
      return NONE;
    }
    return slot;
  }

  /** Invalidates the slot's id and drops its handler, keeping the slot itself taken. */
  void retire(int slot) {
    handlers[slot] = null;
    generations[slot]++;
  }

  /** Returns a retired slot to the free list. */
  void free(int slot) {
    nextFree[slot] = freeHead;
    freeHead = slot;
  }

  boolean isRetired(int slot) {
    return handlers[slot] == null;
  }

  /** Slots ever allocated: the high-water mark of events held at once. */
  int allocated() {
    return allocated;
  }

  int capacity() {
    return handlers.length;
  }

  private void grow() {
    int capacity = handlers.length * 2;
    handlers = Arrays.copyOf(handlers, capacity);
    seqs = Arrays.copyOf(seqs, capacity);
    generations = Arrays.copyOf(generations, capacity);
    nextFree = Arrays.copyOf(nextFree, capacity);
  }
}
