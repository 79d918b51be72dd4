package org.overlaysim.overlay.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The verdict cache keeps container indices apart over their whole range: a cluster ten times
 * Kubernetes' maximum numbers its containers up to 1,499,999, beyond the 20 bits a packed key once
 * gave them, and a verdict cached for one pair must never answer for another.
 */
class VerdictCacheTest {
  @Test
  void containersBeyondTwentyBitsAreTheirOwnKeys() {
    VerdictCache cache = new VerdictCache(1 << 4);
    int low = 5;
    int high = low + (1 << 20); // same low 20 bits as container 5
    long service = VerdictCache.service(6, 8000);
    cache.put(VerdictCache.containers(high, 7), service, 42);
    assertEquals(-1, cache.get(VerdictCache.containers(low, 7), service));
    assertEquals(42, cache.get(VerdictCache.containers(high, 7), service));
    cache.put(VerdictCache.containers(7, 1_499_999), service, 3);
    assertEquals(-1, cache.get(VerdictCache.containers(7, 1_499_999 - (1 << 20)), service));
    assertEquals(3, cache.get(VerdictCache.containers(7, 1_499_999), service));
  }

  @Test
  void protocolAndPortArePartOfTheKey() {
    VerdictCache cache = new VerdictCache(1);
    long pair = VerdictCache.containers(1, 2);
    cache.put(pair, VerdictCache.service(6, 8000), 9);
    assertEquals(-1, cache.get(pair, VerdictCache.service(17, 8000)));
    assertEquals(-1, cache.get(pair, VerdictCache.service(6, 8001)));
    assertEquals(-1, cache.get(VerdictCache.containers(-1, 2), VerdictCache.service(6, 8000)));
    assertEquals(9, cache.get(pair, VerdictCache.service(6, 8000)));
  }
}
