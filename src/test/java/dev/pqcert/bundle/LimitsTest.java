package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void defaultsAreGenerousForConnectorsAndSmallForMemory() {
    assertEquals(new Limits(64L << 20, 2_000, 32L << 20, 128L << 20, 100), Limits.defaults());
  }

  @Test
  void rejectsLimitsThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Limits(1, 0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, -1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, 1, 1, 0));
    // Files are held in byte arrays, which cannot reach 2 GiB.
    assertThrows(IllegalArgumentException.class, () -> new Limits(1L << 31, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, 1L << 31, 1, 1));
  }

  @Test
  void describesSizesInTheLargestExactUnit() {
    assertEquals("64 MiB", Limits.describeBytes(64L << 20));
    assertEquals("1536 KiB", Limits.describeBytes(1536L << 10));
    assertEquals("1000 bytes", Limits.describeBytes(1000));
    assertEquals("1 bytes", Limits.describeBytes(1));
  }
}
