package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleTest {
  private static BundleEntry entry(String name) {
    return new BundleEntry(name, EntryKind.classify(name), TestZips.utf8(name));
  }

  private static Bundle bundle(List<BundleEntry> entries) {
    return new Bundle(Path.of("Contoso.mez"), "Contoso.mez", BundleKind.MEZ, entries);
  }

  @Test
  void sortsEntriesOrdinallyAndCannotBeChanged() {
    List<BundleEntry> entries =
        new ArrayList<>(List.of(entry("b.pqm"), entry("a.pqm"), entry("B.png"), entry("C.pq")));

    Bundle bundle = bundle(entries);
    entries.clear();

    assertEquals(
        List.of("B.png", "C.pq", "a.pqm", "b.pqm"),
        bundle.entries().stream().map(BundleEntry::name).toList());
    assertThrows(UnsupportedOperationException.class, () -> bundle.entries().add(entry("x.pq")));
  }

  @Test
  void findPrefersAnExactMatchOverOneIgnoringCase() {
    // Only a hand-built bundle can hold both: the reader rejects names that differ only in case.
    Bundle bundle = bundle(List.of(entry("README.txt"), entry("readme.txt")));

    assertEquals("readme.txt", bundle.find("readme.txt").orElseThrow().name());
    assertEquals("README.txt", bundle.find("README.txt").orElseThrow().name());
    assertEquals("README.txt", bundle.find("ReadMe.TXT").orElseThrow().name());
    assertTrue(bundle.find("readme").isEmpty());
  }

  @Test
  void entriesCompareByContent() {
    BundleEntry entry = entry("a.pq");
    BundleEntry same = new BundleEntry("a.pq", EntryKind.SECTION_DOCUMENT, TestZips.utf8("a.pq"));
    BundleEntry different = new BundleEntry("a.pq", EntryKind.SECTION_DOCUMENT, new byte[1]);

    assertEquals(entry, same);
    assertEquals(entry.hashCode(), same.hashCode());
    assertNotEquals(entry, different);
    assertEquals("BundleEntry[name=a.pq, kind=SECTION_DOCUMENT, 4 bytes]", entry.toString());
  }
}
