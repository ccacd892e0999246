package dev.pqcert.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteTest {
  @Test
  void sitesAreOrderedByFileThenOffset() {
    List<Site> sites =
        new ArrayList<>(
            List.of(
                new Site("b.pqm", 3),
                new Site("a.pq", 40),
                new Site("b.pqm", 1),
                new Site("a.pq", 7),
                new Site("A.pq", 9)));
    sites.sort(null);
    assertEquals(
        List.of(
            new Site("A.pq", 9),
            new Site("a.pq", 7),
            new Site("a.pq", 40),
            new Site("b.pqm", 1),
            new Site("b.pqm", 3)),
        sites);
    assertEquals(0, new Site("a.pq", 7).compareTo(new Site("a.pq", 7)));
  }
}
