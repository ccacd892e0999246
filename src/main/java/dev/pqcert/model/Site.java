package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.Objects;

/**
 * A place in the connector's code, by file and offset: what tells two call sites, sinks or
 * constants apart, and orders them as a reader meets them.
 */
public record Site(String file, int offset) implements Comparable<Site> {
  public static Site of(String file, Span span) {
    return new Site(file, span.startOffset());
  }

  @Override
  public int compareTo(Site other) {
    // By file, then offset; written out, as equals is (a comparator built of method references
    // links them on a cold run's path).
    int byFile = file.compareTo(other.file);
    return byFile != 0 ? byFile : Integer.compare(offset, other.offset);
  }

  // Written out: a record's own equals and hashCode are built from method handles on first use,
  // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof Site site && offset == site.offset && Objects.equals(file, site.file);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(file) + offset;
  }
}
