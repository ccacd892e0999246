package dev.pqcert.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LibraryFunctionTest {
  @Test
  void dataSourcesAreToldByTheirFamilyAndPrefix() {
    assertTrue(LibraryFunction.readsData("Web.Contents"), "a request");
    assertTrue(LibraryFunction.readsData("Odbc.DataSource"), "a connection");
    assertTrue(LibraryFunction.readsData("Folder.Files"), "a family");
    assertTrue(LibraryFunction.readsData("Oracle.Database"), "a function");
    assertTrue(LibraryFunction.readsData("File.Contents"));
    assertFalse(LibraryFunction.readsData("Oracle.Other"), "another of a function's family");
    assertFalse(LibraryFunction.readsData("Folders.Files"), "a family that only starts the same");
    assertFalse(LibraryFunction.readsData("Text.Combine"));
    assertFalse(LibraryFunction.readsData("Folder"), "no dot");
    assertFalse(LibraryFunction.readsData(""));
  }

  @Test
  void recordedFunctionsAreKnownOnesAndWholeFamilies() {
    assertTrue(LibraryFunction.isRecorded("Diagnostics.Trace"));
    assertTrue(LibraryFunction.isRecorded("Extension.Anything"));
    assertTrue(LibraryFunction.isRecorded("Web.Contents"));
    assertFalse(LibraryFunction.isRecorded("Diagnostic.Trace"));
    assertFalse(LibraryFunction.isRecorded("Text.Combine"));
  }
}
