package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.Comparator;

/**
 * A place in the connector's code, by file and offset: what tells two call sites, sinks or
 * constants apart, and orders them as a reader meets them.
 */
public record Site(String file, int offset) implements Comparable<Site> {
  private static final Comparator<Site> ORDER =
      Comparator.comparing(Site::file).thenComparingInt(Site::offset);

  public static Site of(String file, Span span) {
    return new Site(file, span.startOffset());
  }

  @Override
  public int compareTo(Site other) {
    return ORDER.compare(this, other);
  }
}
