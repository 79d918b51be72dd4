package org.overlaysim.overlay.policy;

import java.util.Arrays;

/**
 * A set of pod classes (see {@link PodClasses}): a sorted array while sparse, a bitset once a
 * bitset is smaller, so a selector matching few of many classes costs a few bytes.
 */
final class ClassSet {
  private final int[] members;
  private final long[] bits;

  private ClassSet(int[] members, long[] bits) {
    this.members = members;
    this.bits = bits;
  }

  /** {@code sortedMembers} ascending, without duplicates, each below {@code universe}. */
  static ClassSet of(int[] sortedMembers, int universe) {
    int bitWords = (universe + 63) >>> 6;
    if ((long) sortedMembers.length <= bitWords * 2L) {
      return new ClassSet(sortedMembers, null);
    }
    long[] bits = new long[bitWords];
    for (int member : sortedMembers) {
      bits[member >>> 6] |= 1L << member;
    }
    return new ClassSet(null, bits);
  }

  boolean contains(int podClass) {
    if (bits != null) {
      int word = podClass >>> 6;
      return word < bits.length && (bits[word] & (1L << podClass)) != 0;
    }
    return Arrays.binarySearch(members, podClass) >= 0;
  }
}
